package cn.credit.workflow.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTest;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.TaskLists;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.user.AppUserRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic end of publication: with the clock at a record's maximum period, the day's run
 * stops it and ends the open repair request on it with a notice; the run happens once a day, also
 * when several tries come at the same moment (each in its own transaction, as on several nodes).
 */
@EngineTest
class PublicationEndTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired PublicationEnd publicationEnd;
  @Autowired RecordService recordService;
  @Autowired DishonestyRecordRepository records;
  @Autowired RepairService repairs;
  @Autowired RepairRequestRepository requests;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired NotificationRepository outbox;
  @Autowired TaskLists lists;
  @Autowired RuntimeService runtime;
  @Autowired TransactionTemplate tx;

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void atItsMaximumPeriodARecordStopsOnceAndItsOpenRequestEndsWithANotice() throws Exception {
    Long recordId = generalRecordDecidedDaysAgo(200);
    RepairRequest request = repairs.file("applicant.a", recordId, "已缴清罚款并完成整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    assertThat(lists.openOfCase(request.getCaseRef())).isNotEmpty();
    LocalDate end = records.findById(recordId).orElseThrow().getAutomaticEndDate();

    EngineTime.set(end.minusDays(1).atTime(10, 0).atZone(ZONE).toInstant());
    publicationEnd.runToday();
    assertThat(records.findById(recordId).orElseThrow().getState()).as("the day before its end")
        .isEqualTo(PublicationState.PUBLISHED);

    EngineTime.set(end.atTime(0, 30).atZone(ZONE).toInstant());
    List<OptionalInt> runs = triesAtTheSameMoment(4);
    System.out.printf("publication end on %s: %d tries at the same moment, runs done %s%n", end, runs.size(), runs);
    assertThat(runs.stream().filter(OptionalInt::isPresent)).as("tries that did the day's run").hasSize(1);
    assertThat(runs.stream().filter(OptionalInt::isPresent).findFirst().orElseThrow().getAsInt()).isGreaterThanOrEqualTo(1);
    assertThat(publicationEnd.runToday()).as("a later try the same day").isEmpty();

    DishonestyRecord record = tx.execute(s -> {
      DishonestyRecord r = records.findById(recordId).orElseThrow();
      r.getHistory().size();
      return r;
    });
    assertThat(record.getState()).isEqualTo(PublicationState.EXPIRED);
    assertThat(record.getHistory()).filteredOn(h -> h.getToState() == PublicationState.EXPIRED).hasSize(1)
        .allSatisfy(h -> assertThat(h.getActor()).isEqualTo(RecordService.SYSTEM_ACTOR));

    RepairRequest ended = requests.findById(request.getId()).orElseThrow();
    assertThat(ended.getState()).isEqualTo(RepairState.RECORD_EXPIRED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.getCaseRef()).count()).isZero();
    assertThat(lists.openOfCase(request.getCaseRef())).isEmpty();
    assertThat(outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef()).stream()
        .filter(n -> "applicant.a".equals(n.getRecipientUser())).map(Notification::getSubject))
        .last().asString().startsWith("【办理进度】").contains(request.getCaseRef());
    assertThat(outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef()).stream()
        .filter(n -> "applicant.a".equals(n.getRecipientUser())).reduce((a, b) -> b).orElseThrow().getBody())
        .contains("公示期已满").contains("reached the end of its publication period");
  }

  @Test
  void aGeneralRecordDecidedAYearAgoTodayIsStillPublishedTodayAndStopsTomorrow() {
    // decided a year ago today: counting starts the day after, so the year ends with today, to 24:00
    LocalDate today = LocalDate.now(ZONE);
    Long recordId = tx.execute(s -> {
      var entity = users.findById("applicant.a").orElseThrow().getEntity();
      return recordService.publish(new RecordFacts(entity, departments.getReferenceById("ecology"),
          RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "满年测试〔" + System.nanoTime() + "〕号", "测试处罚",
          "内容", today.minusYears(1), null, Set.<Department>of()), "test").getId();
    });
    assertThat(records.findById(recordId).orElseThrow().getAutomaticEndDate()).isEqualTo(today.plusDays(1));

    recordService.expireRecordsDueBy(today);
    assertThat(records.findById(recordId).orElseThrow().getState()).as("the run of its last day")
        .isEqualTo(PublicationState.PUBLISHED);
    recordService.expireRecordsDueBy(today.plusDays(1));
    assertThat(records.findById(recordId).orElseThrow().getState()).as("the run of the day after")
        .isEqualTo(PublicationState.EXPIRED);
  }

  /** Tries from several threads, each in its own transaction, released together. */
  private List<OptionalInt> triesAtTheSameMoment(int tries) throws Exception {
    return SameMoment.all(Collections.nCopies(tries, publicationEnd::runToday));
  }

  private Long generalRecordDecidedDaysAgo(int days) {
    return tx.execute(s -> {
      var entity = users.findById("applicant.a").orElseThrow().getEntity();
      Department ecology = departments.getReferenceById("ecology");
      return recordService.publish(new RecordFacts(entity, ecology, RecordType.ADMINISTRATIVE_PENALTY,
          Severity.GENERAL, "期满测试〔" + System.nanoTime() + "〕号", "测试处罚", "内容",
          LocalDate.now(ZONE).minusDays(days), null, Set.<Department>of()), "test").getId();
    });
  }
}
