package cn.credit.workflow.shielding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.credit.workflow.DueJobs;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.ProcessTest;
import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.deadline.TimeLimits;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.oversight.EscalationRepository;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.PublicationEnd;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordHistoryEntry;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.text.Texts;
import cn.credit.workflow.user.AppUserRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/** Every path of the bankruptcy shielding process (令 36 art. 20), through the services the API uses, the clock moved for timers. */
@ProcessTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=shieldingProcessTest",
    "process-coverage.excluded=creditRepair,creditDispute,commitmentSigning,recordRevocation"})
class ShieldingProcessTest {

  static final String APPLICANT = "applicant.a";

  @Autowired ShieldingService shieldings;
  @Autowired ShieldingRepository shieldingRepository;
  @Autowired ShieldingLetters letters;
  @Autowired InboxService inbox;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RecordService recordService;
  @Autowired DishonestyRecordRepository records;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired EscalationRepository escalations;
  @Autowired RepairService repairs;
  @Autowired AttachmentService attachments;
  @Autowired PublicationEnd publicationEnd;
  @Autowired Deadlines deadlines;
  @Autowired TimeLimits limits;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;
  @Autowired Texts texts;

  @BeforeEach
  void setUp() {
    EngineTime.set(Instant.now());
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void shieldedRecordLeavesThePublicListAndReturnsWhenThePlanFails() {
    Long recordId = freshRecord("ecology", 200);
    Shielding shielding = filed(recordId);
    assertThat(attachments.ofCase(shielding.getCaseRef())).as("the court's documents kept with the case").hasSize(1);
    Task decide = task(shielding, "DecideShielding");
    assertThat(departmentsOf(decide)).containsExactly("ecology");
    assertThat(deadlines.dayOf(decide.getDueDate())).as("the profile's working days from filing")
        .isEqualTo(deadlines.dayOf(deadlines.due(Step.SHIELDING_DECIDE.key())));
    assertThat(limits.named(reload(shielding).getRuleProfile()).workingDays(Step.SHIELDING_DECIDE)).isEqualTo(10);
    assertThat(reload(shielding).getDueDate()).isEqualTo(deadlines.dayOf(decide.getDueDate()));

    ApiProblem otherDepartment = catchThrowableOfType(ApiProblem.class,
        () -> complete(shielding, "DecideShielding", "reviewer.tax", Map.of("decision", "shield", "reasons", "x")));
    assertThat(otherDepartment.status()).isEqualTo(HttpStatus.NOT_FOUND);
    complete(shielding, "DecideShielding", "reviewer.ecology",
        Map.of("decision", "shield", "reasons", "已提交法院受理重整申请裁定书"));

    Shielding shielded = reload(shielding);
    assertThat(shielded.getState()).isEqualTo(ShieldingState.SHIELDED);
    assertThat(shielded.getLetterCode()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    assertThat(letters.byCode(shielded.getLetterCode())).get()
        .satisfies(l -> assertThat(l.titleZh()).isEqualTo("信用信息临时屏蔽决定书"))
        .satisfies(l -> assertThat(l.outcomeZh()).startsWith("准予临时屏蔽"));
    DishonestyRecord record = record(recordId);
    assertThat(record.getState()).isEqualTo(PublicationState.SHIELDED);
    assertThat(record.getState().isOnPublicList()).isFalse();
    assertThat(lastHistory(record).getCaseRef()).isEqualTo(shielding.getCaseRef());
    assertThat(repairs.eligibility(record).reasons()).extracting(texts::zh)
        .contains("该信息已临时屏蔽（破产重整、和解），不在公示中");
    assertThat(departmentsOf(task(shielding, "RegisterCourtEnd"))).as("the credit office registers the court's end")
        .containsExactly("credit-office");

    complete(shielding, "RegisterCourtEnd", "reviewer.credit-office",
        Map.of("courtEnd", "FAILED", "courtRuling", "（2026）鲁01破12号之三"));
    assertEnded(shielding, "RestorePublication", "PublicationRestored");
    assertThat(reload(shielding).getState()).isEqualTo(ShieldingState.RESTORED);
    assertThat(reload(shielding).getCourtEnd()).isEqualTo(CourtEnd.FAILED);
    DishonestyRecord back = record(recordId);
    assertThat(back.getState()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(lastHistory(back).getReasonKey()).isEqualTo("record.reason.unshielded");
    assertThat(outbox.findByCaseRefOrderByCreatedAt(shielding.getCaseRef()).stream()
        .filter(n -> APPLICANT.equals(n.getRecipientUser())).map(Notification::getBody))
        .as("the applicant is mailed at filing, decision and the court's end, in both languages").hasSize(3)
        .anySatisfy(body -> assertThat(body).contains("决定书核验码：" + shielded.getLetterCode()).contains("Decision code"))
        .anySatisfy(body -> assertThat(body).contains("该信息恢复为“公示中”"));
  }

  @Test
  void aRecordWhoseMaximumPassedWhileShieldedEndsAsExpiredWhenThePlanFails() {
    Long recordId = freshRecord("housing", 300);
    Shielding shielding = filed(recordId);
    complete(shielding, "DecideShielding", "reviewer.housing", Map.of("decision", "shield", "reasons", "符合条件"));
    LocalDate end = record(recordId).getAutomaticEndDate();
    EngineTime.set(end.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().plusSeconds(3600));
    publicationEnd.runToday();
    assertThat(record(recordId).getState()).as("the daily run leaves a shielded record alone")
        .isEqualTo(PublicationState.SHIELDED);

    complete(shielding, "RegisterCourtEnd", "reviewer.credit-office", Map.of("courtEnd", "FAILED", "courtRuling", "（2026）鲁01破9号"));
    assertEnded(shielding, "RestorePublication", "PublicationRestored");
    DishonestyRecord expired = record(recordId);
    assertThat(expired.getState()).isEqualTo(PublicationState.EXPIRED);
    assertThat(lastHistory(expired).getReasonKey()).isEqualTo("record.reason.expiredWhileShielded");
  }

  @Test
  void aPlanCarriedOutKeepsTheRecordShielded() {
    Long recordId = freshRecord("tax", 200);
    Shielding shielding = filed(recordId);
    complete(shielding, "DecideShielding", "reviewer.tax", Map.of("decision", "shield", "reasons", "符合条件"));
    complete(shielding, "RegisterCourtEnd", "reviewer.credit-office", Map.of("courtEnd", "SUCCEEDED", "courtRuling", "（2026）鲁01破3号"));
    assertEnded(shielding, "KeepShielded", "ShieldingKept");
    assertThat(reload(shielding).getState()).isEqualTo(ShieldingState.KEPT_SHIELDED);
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.SHIELDED);
  }

  @Test
  void theDepartmentRefusesWithReasonsAndTheRecordStaysPublished() {
    Long recordId = freshRecord("ecology", 200);
    Shielding shielding = filed(recordId);
    ApiProblem noReasons = catchThrowableOfType(ApiProblem.class,
        () -> complete(shielding, "DecideShielding", "reviewer.ecology", Map.of("decision", "refuse")));
    assertThat(noReasons.errors()).singleElement().asString().startsWith("reasons:");
    complete(shielding, "DecideShielding", "reviewer.ecology",
        Map.of("decision", "refuse", "reasons", "法院裁定书不属于重整或和解程序"));
    assertEnded(shielding, "RefuseShielding", "ShieldingRefused");
    Shielding refused = reload(shielding);
    assertThat(refused.getState()).isEqualTo(ShieldingState.REFUSED);
    assertThat(letters.byCode(refused.getLetterCode())).get()
        .satisfies(l -> assertThat(l.titleZh()).isEqualTo("不予临时屏蔽决定书"));
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.PUBLISHED);
  }

  @Test
  void theDecisionIsRemindedMarkedOverdueAndEscalatedToTheCityInTheCaseItself() {
    Shielding shielding = filed(freshRecord("housing", 200));
    Date due = task(shielding, "DecideShielding").getDueDate();
    for (Date moment : List.of(deadlines.reminderAt(due), deadlines.overdueAt(due), deadlines.cityEscalationAt(due))) {
      EngineTime.set(moment.toInstant());
      DueJobs.run(management);
    }
    Task decide = task(shielding, "DecideShielding");
    assertThat(taskService.getVariableLocal(decide.getId(), CaseTasks.OVERDUE)).isEqualTo(true);
    String step = "DecideShielding";
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(reload(shielding).getProcessInstanceId())
        .finished().list()).extracting(HistoricActivityInstance::getActivityId).contains(step + "_ReminderAction",
            step + "_ReminderDone", step + "_OverdueAction", step + "_OverdueDone", step + "_CityAction", step + "_CityDone");
    assertThat(escalations.findByCaseRefOrderById(shielding.getCaseRef()))
        .extracting(e -> e.getDepartmentCode() + ":" + e.getLevel())
        .containsExactly("housing:DEPARTMENT_LEADER", "housing:CITY_LEADER");
    complete(shielding, "DecideShielding", "reviewer.housing", Map.of("decision", "refuse", "reasons", "材料不符"));
    assertEnded(shielding, "ShieldingRefused");
  }

  @Test
  void badFilingsAreRefusedWithEveryReasonAndLeaveNothing() {
    long before = shieldingRepository.count();
    ApiProblem empty = catchThrowableOfType(ApiProblem.class, () -> shieldings.file(APPLICANT,
        new ShieldingService.Filing(null, "BANKRUPT", " ", null, null), List.of()));
    assertThat(empty.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(empty.errors()).extracting(cn.credit.workflow.system.FieldProblem::field)
        .containsExactlyInAnyOrder("recordId", "procedure", "court", "courtCaseNumber", "files");
    Long others = tx.execute(s -> records.findAll().stream()
        .filter(r -> !r.getEntity().getUscc().equals("91370100MA3C4K5N0R")).findFirst().orElseThrow().getId());
    assertThat(catchThrowableOfType(ApiProblem.class, () -> shieldings.file(APPLICANT, filing(others), courtFiles()))
        .status()).as("another entity's record: as if there were none").isEqualTo(HttpStatus.NOT_FOUND);
    Long recordId = freshRecord("ecology", 200);
    filed(recordId);
    ApiProblem twice = catchThrowableOfType(ApiProblem.class, () -> shieldings.file(APPLICANT, filing(recordId), courtFiles()));
    assertThat(twice.errors()).singleElement().asString().startsWith("recordId:");
    assertThat(shieldingRepository.count()).isEqualTo(before + 1);
  }

  private Shielding filed(Long recordId) {
    return shieldings.file(APPLICANT, filing(recordId), courtFiles());
  }

  private static ShieldingService.Filing filing(Long recordId) {
    return new ShieldingService.Filing(recordId, "REORGANISATION", "济南市中级人民法院", "（2026）鲁01破12号", "法院已裁定受理重整申请");
  }

  static List<MultipartFile> courtFiles() {
    return List.of(new MockMultipartFile("files", "court-ruling.pdf", "application/pdf",
        "%PDF-1.4\n受理重整申请民事裁定书\n%%EOF".getBytes(StandardCharsets.UTF_8)));
  }

  /** A general record of the applicant's entity decided {@code daysAgo} days ago (published for a year). */
  private Long freshRecord(String department, int daysAgo) {
    return tx.execute(s -> {
      var entity = users.findById(APPLICANT).orElseThrow().getEntity();
      return recordService.publish(new RecordFacts(entity, departments.getReferenceById(department),
          RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "屏蔽〔" + System.nanoTime() + "〕号", "超标排放",
          "罚款人民币二十万元", deadlines.dayOf(deadlines.now()).minusDays(daysAgo), null, Set.of()), "test").getId();
    });
  }

  private void complete(Shielding shielding, String taskKey, String user, Map<String, Object> values) {
    inbox.complete(task(shielding, taskKey).getId(), user, values);
  }

  private Task task(Shielding shielding, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(shielding.getCaseRef())
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task " + taskKey + " of " + shielding.getCaseRef()).isNotEmpty();
    return tasks.get(0);
  }

  private List<String> departmentsOf(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  private void assertEnded(Shielding shielding, String... passed) {
    String id = reload(shielding).getProcessInstanceId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as("ended").isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(passed);
  }

  private Shielding reload(Shielding shielding) {
    return shieldingRepository.findById(shielding.getId()).orElseThrow();
  }

  private static RecordHistoryEntry lastHistory(DishonestyRecord record) {
    return record.getHistory().get(record.getHistory().size() - 1);
  }

  private DishonestyRecord record(Long id) {
    return tx.execute(s -> {
      DishonestyRecord record = records.findById(id).orElseThrow();
      record.getHistory().size();
      return record;
    });
  }
}
