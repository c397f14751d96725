package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordHistoryEntry;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.user.AppUserRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Minor records are in principle not published (令 36 art. 12): one the department does not mark
 * necessary is kept off the public pages and out of the automatic end, and the applicant sees why;
 * one marked necessary is published with the reason in its history and on the staff's case page.
 */
@RunningAppTest
class MinorRecordsTest {

  private static final String USCC = "91370100MA3C4K5N0R"; // applicant.a's entity
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DishonestyRecordRepository records;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired TransactionTemplate tx;

  @Test
  void aMinorRecordNotMarkedNecessaryIsNotPublishedNotExpiredAndThePortalSaysSo() throws Exception {
    String number = "济税简罚〔2026〕N" + System.nanoTime() % 100000 + "号";
    // decided 100 days ago: its 3 months ended, yet the automatic end has nothing to end
    Long recordId = tx.execute(s -> recordService.publish(facts(number, 100), "test").getId());
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.NOT_PUBLISHED);
    assertThat(history(recordId)).singleElement().satisfies(h -> {
      assertThat(h.getToState()).isEqualTo(PublicationState.NOT_PUBLISHED);
      assertThat(h.getReasonKey()).isEqualTo("record.reason.minorNotPublished");
    });

    recordService.expireRecordsDueBy(LocalDate.now(ZONE));
    assertThat(record(recordId).getState()).as("not expired: it was never published")
        .isEqualTo(PublicationState.NOT_PUBLISHED);

    String publicPage = new HttpTestClient(port).get("/public/entities/" + USCC, null, "text/html").body();
    assertThat(publicPage).doesNotContain(number).doesNotContain("data-record=\"" + recordId + "\"");

    HttpTestClient applicant = HttpTestClient.signedIn(port, "applicant.a");
    String row = row(applicant.get("/portal", null, "text/html").body(), recordId);
    assertThat(row).contains(number).contains("不予公示（轻微失信信息）").contains("未在信用网站公示")
        .contains("该信息未予公示，无需信用修复").doesNotContain("公示至")
        .doesNotContain("/portal/records/" + recordId + "/repair");
    String rowEn = row(applicant.get("/portal?lang=en", null, "text/html").body(), recordId);
    assertThat(rowEn).contains("Not published (minor record)").contains("nothing to repair");
  }

  @Test
  void aMinorRecordMarkedNecessaryIsPublishedWithTheReasonInItsHistoryAndOnTheCasePage() throws Exception {
    String number = "济税简罚〔2026〕Y" + System.nanoTime() % 100000 + "号";
    String reason = "一年内第三次逾期申报，确有必要公示";
    Long recordId = tx.execute(s -> recordService.publish(facts(number, 10).necessaryToPublish(reason), "test").getId());
    DishonestyRecord record = record(recordId);
    assertThat(record.getState()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(record.isPublicationNecessary()).isTrue();
    assertThat(record.getPublicationReason()).isEqualTo(reason);
    assertThat(history(recordId)).singleElement().satisfies(h -> {
      assertThat(h.getToState()).isEqualTo(PublicationState.PUBLISHED);
      assertThat(h.getReasonKey()).isEqualTo("record.reason.minorNecessary");
      assertThat(h.getReason()).isEqualTo(reason);
    });
    assertThat(new HttpTestClient(port).get("/public/entities/" + USCC, null, "text/html").body()).contains(number);

    // repairable once its duties are done: a zero minimum holds nothing back
    RepairRequest request = repairs.file("applicant.a", recordId, "已补办纳税申报并缴清罚款");
    String casePage = HttpTestClient.signedIn(port, "reviewer.tax").get("/cases/" + request.getCaseRef(), null,
        "text/html").body();
    assertThat(casePage).contains("公示理由（轻微失信信息）").contains(reason);
  }

  @Test
  void markedNecessaryWithoutAReasonIsRefused() {
    ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> recordService.publish(
        facts("济税简罚〔2026〕R" + System.nanoTime() % 100000 + "号", 10).necessaryToPublish(" "), "test"));
    assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  private RecordFacts facts(String number, int daysAgo) {
    return new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("tax"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.MINOR, number, "逾期申报", "适用简易程序处罚款人民币五百元",
        LocalDate.now(ZONE).minusDays(daysAgo), null, Set.of());
  }

  private DishonestyRecord record(Long id) {
    return records.findById(id).orElseThrow();
  }

  private List<RecordHistoryEntry> history(Long id) {
    return tx.execute(s -> List.copyOf(records.findById(id).orElseThrow().getHistory()));
  }

  /** The portal's row of one record. */
  private static String row(String page, Long recordId) {
    int start = page.indexOf("data-record=\"" + recordId + "\"");
    assertThat(start).as("the portal lists record " + recordId).isPositive();
    return page.substring(start, page.indexOf("</tr>", start));
  }
}
