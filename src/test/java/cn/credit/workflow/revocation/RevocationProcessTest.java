package cn.credit.workflow.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.credit.workflow.DueJobs;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.ProcessTest;
import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.dispute.DisputeState;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.intake.RecordIntake;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.oversight.EscalationRepository;
import cn.credit.workflow.process.CaseTasks;
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
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.shielding.Shielding;
import cn.credit.workflow.shielding.ShieldingService;
import cn.credit.workflow.shielding.ShieldingState;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.user.AppUserRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * Every path of the revocation report (令 36 art. 19; 条例 art. 40) through the services the API and
 * the pages use, the clock moved for its timers; and what a withdrawal or an amendment does to the
 * other cases open on the record.
 */
@ProcessTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=revocationProcessTest",
    "process-coverage.excluded=creditRepair,creditDispute,commitmentSigning,bankruptcyShielding"})
class RevocationProcessTest {

  static final String APPLICANT = "applicant.a";
  static final String TASK = "RegisterRevocation";

  @Autowired RevocationService revocations;
  @Autowired RevocationRepository revocationRepository;
  @Autowired InboxService inbox;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RecordService recordService;
  @Autowired RecordIntake intake;
  @Autowired DishonestyRecordRepository records;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired EscalationRepository escalations;
  @Autowired RepairService repairs;
  @Autowired DisputeService disputes;
  @Autowired ShieldingService shieldings;
  @Autowired AttachmentService attachments;
  @Autowired Deadlines deadlines;
  @Autowired WorkingDayCalendar calendar;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;

  @BeforeEach
  void setUp() {
    EngineTime.set(Instant.now());
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void aRevokedDecisionIsWithdrawnByItsDepartmentAndTheOtherCasesOnTheRecordEnd() {
    Long recordId = freshRecord("ecology", Severity.GENERAL, 200);
    RepairRequest repair = repairs.file(APPLICANT, recordId, "已缴清罚款");
    Dispute dispute = disputes.file(APPLICANT, recordId, "WRONG_CONTENT", "处罚决定已被法院撤销", null);
    LocalDate judged = calendar.today();
    Revocation revocation = reported(recordId, "REVOKED", judged);
    assertThat(attachments.ofCase(revocation.getCaseRef())).as("the judgment kept with the case").hasSize(1);
    assertThat(revocation.getCaseRef()).startsWith("C-");
    Task task = task(revocation);
    assertThat(departmentsOf(task)).containsExactly("ecology");
    assertThat(deadlines.dayOf(task.getDueDate())).as("3 working days from the judgment's date, not from the report")
        .isEqualTo(deadlines.dayOf(deadlines.dueFrom(judged, deadlines.current(), Step.REVOCATION_REPORT)))
        .isEqualTo(calendar.plusWorkingDays(judged, 3).date());
    assertThat(reload(revocation).getDueDate()).isEqualTo(deadlines.dayOf(task.getDueDate()));

    ApiProblem otherDepartment = catchThrowableOfType(ApiProblem.class,
        () -> complete(revocation, "reviewer.tax", Map.of("outcome", "withdraw", "reasons", "x")));
    assertThat(otherDepartment.status()).isEqualTo(HttpStatus.NOT_FOUND);
    complete(revocation, "reviewer.ecology", Map.of("outcome", "withdraw", "reasons", "法院判决撤销原处罚决定"));

    assertEnded(revocation, "WithdrawRecord", "RecordWithdrawn");
    assertThat(reload(revocation).getState()).isEqualTo(RevocationState.RECORD_WITHDRAWN);
    DishonestyRecord record = record(recordId);
    assertThat(record.getState()).isEqualTo(PublicationState.WITHDRAWN);
    RecordHistoryEntry last = lastHistory(record);
    assertThat(last.getReasonKey()).isEqualTo("record.reason.revoked");
    assertThat(last.getReason()).contains("（2026）鲁01行终" ).contains(judged.toString()).contains("法院判决撤销原处罚决定");
    assertThat(last.getCaseRef()).isEqualTo(revocation.getCaseRef());
    assertThat(recordService.revisionsByDepartment()).anySatisfy(r -> assertThat(r.department()).isEqualTo("ecology"));

    assertThat(repairState(repair)).as("the open repair request ends").isEqualTo(RepairState.RECORD_WITHDRAWN);
    assertThat(disputeState(dispute)).as("the open dispute ends, no longer waiting for a cancellation")
        .isEqualTo(DisputeState.RECORD_WITHDRAWN);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(dispute.getCaseRef()).count()).isZero();
    assertThat(mailsTo(dispute.getCaseRef())).anySatisfy(body -> assertThat(body).contains("本申请无需继续办理"));
    assertThat(mailsTo(revocation.getCaseRef())).as("received and withdrawn, in both languages").hasSize(2)
        .anySatisfy(body -> assertThat(body).contains("撤回该失信信息").contains("no longer published"));
  }

  @Test
  void aChangedDecisionIsAmendedOnTheRecordsPageFirstAndTheOpenCasesAreTold() {
    Long recordId = freshRecord("tax", Severity.GENERAL, 200);
    Dispute dispute = disputes.file(APPLICANT, recordId, "WRONG_CONTENT", "罚款金额已由复议决定变更", null);
    Revocation revocation = reported(recordId, "CHANGED", calendar.today());
    ApiProblem notYet = catchThrowableOfType(ApiProblem.class,
        () -> complete(revocation, "reviewer.tax", Map.of("outcome", "amend", "reasons", "已变更")));
    assertThat(notYet.errors()).extracting(FieldProblem::field).containsExactly("outcome");

    intake.amend(recordId, new RecordIntake.AmendForm(null, "罚款人民币五万元", null, null, List.of(), null, null, null,
        "济政复决〔2026〕7号", calendar.today(), "复议决定变更罚款金额"), "reviewer.tax");
    assertThat(mailsTo(dispute.getCaseRef())).as("the open dispute is told what changed")
        .anySatisfy(body -> assertThat(body).contains("济政复决〔2026〕7号").contains("罚款人民币五万元"));
    assertThat(disputeState(dispute)).as("and goes on").isEqualTo(DisputeState.AWAITING_SIGNATURE);
    assertThat(reload(revocation).getState()).as("the report waits for the department's answer")
        .isEqualTo(RevocationState.REPORTED);

    complete(revocation, "reviewer.tax", Map.of("outcome", "amend", "reasons", "已按复议决定变更罚款金额"));
    assertEnded(revocation, "ConfirmAmendment", "RecordAmended");
    assertThat(reload(revocation).getState()).isEqualTo(RevocationState.RECORD_AMENDED);
    DishonestyRecord record = record(recordId);
    assertThat(record.getContent()).isEqualTo("罚款人民币五万元");
    assertThat(lastHistory(record).getChanges()).contains("content: 罚款人民币二十万元 → 罚款人民币五万元");
    assertThat(mailsTo(revocation.getCaseRef())).anySatisfy(body -> assertThat(body).contains("变更该失信信息"));
  }

  @Test
  void anUnfoundedReportIsAnsweredWithReasonsAndTheRecordStays() {
    Long recordId = freshRecord("housing", Severity.GENERAL, 200);
    Revocation revocation = reported(recordId, "REVOKED", calendar.today());
    ApiProblem noReasons = catchThrowableOfType(ApiProblem.class,
        () -> complete(revocation, "reviewer.housing", Map.of("outcome", "unfounded")));
    assertThat(noReasons.errors()).extracting(FieldProblem::field).containsExactly("reasons");
    complete(revocation, "reviewer.housing", Map.of("outcome", "unfounded", "reasons", "该判决撤销的是另一份处罚决定"));
    assertEnded(revocation, "AnswerUnfounded", "ReportUnfounded");
    assertThat(reload(revocation).getState()).isEqualTo(RevocationState.UNFOUNDED);
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(mailsTo(revocation.getCaseRef())).anySatisfy(body -> assertThat(body).contains("该判决撤销的是另一份处罚决定"));
  }

  @Test
  void theThreeDaysAreRemindedMarkedOverdueAndEscalatedToTheCity() {
    Revocation revocation = reported(freshRecord("housing", Severity.GENERAL, 200), "REVOKED", calendar.today());
    Date due = task(revocation).getDueDate();
    for (Date moment : List.of(deadlines.reminderAt(due), deadlines.overdueAt(due), deadlines.cityEscalationAt(due))) {
      EngineTime.set(moment.toInstant());
      DueJobs.run(management);
    }
    assertThat(taskService.getVariableLocal(task(revocation).getId(), CaseTasks.OVERDUE)).isEqualTo(true);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(reload(revocation).getProcessInstanceId())
        .finished().list()).extracting(HistoricActivityInstance::getActivityId).contains(TASK + "_ReminderAction",
            TASK + "_ReminderDone", TASK + "_OverdueAction", TASK + "_OverdueDone", TASK + "_CityAction", TASK + "_CityDone");
    assertThat(escalations.findByCaseRefOrderById(revocation.getCaseRef()))
        .extracting(e -> e.getDepartmentCode() + ":" + e.getLevel())
        .containsExactly("housing:DEPARTMENT_LEADER", "housing:CITY_LEADER");
    complete(revocation, "reviewer.housing", Map.of("outcome", "withdraw", "reasons", "迟报：已撤回"));
    assertEnded(revocation, "RecordWithdrawn");
    assertThat(recordService.latestLateRevisions(Set.of("housing")))
        .as("registered after the 3 working days: late on the leaders' view")
        .anySatisfy(l -> assertThat(l.recordId()).isEqualTo(reload(revocation).getRecord().getId()));
  }

  @Test
  void aWithdrawalTheDepartmentRegistersOnItsOwnEndsTheOpenReportAndIsLateAfterThreeWorkingDays() {
    Long recordId = freshRecord("ecology", Severity.GENERAL, 200);
    LocalDate judged = calendar.minusWorkingDays(calendar.today(), 5).date();
    Revocation revocation = reported(recordId, "REVOKED", judged);
    Shielding shielding = shieldings.file(APPLICANT, new ShieldingService.Filing(recordId, "REORGANISATION",
        "济南市中级人民法院", "（2026）鲁01破12号", null), judgment());
    intake.withdraw(recordId, new RecordIntake.WithdrawForm("（2026）鲁01行终88号", judged, "法院判决撤销"),
        "reviewer.ecology");
    Revocation ended = reload(revocation);
    assertThat(ended.getState()).isEqualTo(RevocationState.RECORD_WITHDRAWN);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ended.getProcessInstanceId()).count()).isZero();
    ShieldingState shieldingState = tx.execute(t -> shieldings.get(shielding.getId(), APPLICANT).getState());
    assertThat(shieldingState).as("nothing left to shield").isEqualTo(ShieldingState.RECORD_WITHDRAWN);
    assertThat(mailsTo(shielding.getCaseRef())).anySatisfy(body -> assertThat(body).contains("本申请无需继续办理"));
    assertThat(recordService.latestLateRevisions(Set.of("ecology"))).as("5 working days after the judgment: late")
        .anySatisfy(l -> assertThat(l.recordId()).isEqualTo(recordId));
  }

  @Test
  void anAmendmentBetweenMinorAndGeneralMovesTheRecordOnOrOffThePublicPages() {
    Long minor = freshRecord("tax", Severity.MINOR, 20);
    assertThat(record(minor).getState()).isEqualTo(PublicationState.NOT_PUBLISHED);
    intake.amend(minor, amendSeverity("GENERAL"), "reviewer.tax");
    assertThat(record(minor).getState()).as("general now: published").isEqualTo(PublicationState.PUBLISHED);
    assertThat(lastHistory(record(minor)).getReasonKey()).isEqualTo("record.reason.amendedPublished");

    Long general = freshRecord("tax", Severity.GENERAL, 200);
    RepairRequest repair = repairs.file(APPLICANT, general, "已缴清罚款");
    intake.amend(general, amendSeverity("MINOR"), "reviewer.tax");
    assertThat(record(general).getState()).as("minor now, not marked necessary: not published")
        .isEqualTo(PublicationState.NOT_PUBLISHED);
    assertThat(repairState(repair)).as("nothing left on the public pages to repair")
        .isEqualTo(RepairState.RECORD_NOT_PUBLISHED);
  }

  @Test
  void badReportsAreRefusedWithEveryReasonAndLeaveNothing() {
    long before = revocationRepository.count();
    ApiProblem empty = catchThrowableOfType(ApiProblem.class, () -> revocations.report(APPLICANT,
        new RevocationService.Report(null, "ANNULLED", " ", null, "2026-13-01", null), List.of()));
    assertThat(empty.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(empty.errors()).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("recordId", "changeKind", "authority", "document", "documentDate", "files");
    Long recordId = freshRecord("ecology", Severity.GENERAL, 200);
    ApiProblem future = catchThrowableOfType(ApiProblem.class, () -> revocations.report(APPLICANT,
        report(recordId, "REVOKED", calendar.today().plusDays(3)), judgment()));
    assertThat(future.errors()).extracting(FieldProblem::field).containsExactly("documentDate");
    assertThat(catchThrowableOfType(ApiProblem.class, () -> revocations.report("applicant.b",
        report(recordId, "REVOKED", calendar.today()), judgment())).status())
        .as("another entity's record: as if there were none").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(catchThrowableOfType(ApiProblem.class, () -> revocations.report("reviewer.ecology",
        report(recordId, "REVOKED", calendar.today()), judgment())).status())
        .as("a department reports to itself on its records page").isEqualTo(HttpStatus.FORBIDDEN);
    Revocation byTheOffice = revocations.report("reviewer.credit-office", report(recordId, "REVOKED", calendar.today()),
        judgment());
    assertThat(byTheOffice.getState()).as("the credit office reports too").isEqualTo(RevocationState.REPORTED);
    ApiProblem twice = catchThrowableOfType(ApiProblem.class, () -> reported(recordId, "REVOKED", calendar.today()));
    assertThat(twice.errors()).extracting(FieldProblem::field).containsExactly("recordId");
    assertThat(revocationRepository.count()).isEqualTo(before + 1);
  }

  private RecordIntake.AmendForm amendSeverity(String severity) {
    return new RecordIntake.AmendForm(null, null, null, null, List.of(), null, null, severity, "济税复决〔" + System.nanoTime()
        + "〕号", calendar.today(), "复议决定变更处罚");
  }

  private Revocation reported(Long recordId, String kind, LocalDate documentDate) {
    return revocations.report(APPLICANT, report(recordId, kind, documentDate), judgment());
  }

  private static RevocationService.Report report(Long recordId, String kind, LocalDate documentDate) {
    return new RevocationService.Report(recordId, kind, "济南市中级人民法院", "（2026）鲁01行终" + (System.nanoTime() % 1000) + "号",
        documentDate.toString(), "二审判决撤销原处罚决定");
  }

  static List<MultipartFile> judgment() {
    return List.of(new MockMultipartFile("files", "judgment.pdf", "application/pdf",
        "%PDF-1.4\n行政判决书\n%%EOF".getBytes(StandardCharsets.UTF_8)));
  }

  /** A record of the applicant's entity decided {@code daysAgo} days ago. */
  private Long freshRecord(String department, Severity severity, int daysAgo) {
    return tx.execute(s -> {
      var entity = users.findById(APPLICANT).orElseThrow().getEntity();
      return recordService.publish(new RecordFacts(entity, departments.getReferenceById(department),
          RecordType.ADMINISTRATIVE_PENALTY, severity, "撤〔" + System.nanoTime() + "〕号", "超标排放",
          "罚款人民币二十万元", calendar.today().minusDays(daysAgo), null, Set.of()), "test").getId();
    });
  }

  private void complete(Revocation revocation, String user, Map<String, Object> values) {
    inbox.complete(task(revocation).getId(), user, values);
  }

  private Task task(Revocation revocation) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(revocation.getCaseRef())
        .taskDefinitionKey(TASK).list();
    assertThat(tasks).as("open task of " + revocation.getCaseRef()).isNotEmpty();
    return tasks.get(0);
  }

  private List<String> departmentsOf(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  private void assertEnded(Revocation revocation, String... passed) {
    String id = reload(revocation).getProcessInstanceId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as("ended").isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(passed);
  }

  private List<String> mailsTo(String caseRef) {
    return outbox.findByCaseRefOrderByCreatedAt(caseRef).stream().filter(n -> APPLICANT.equals(n.getRecipientUser()))
        .map(Notification::getBody).toList();
  }

  private RepairState repairState(RepairRequest repair) {
    return tx.execute(s -> repairs.get(repair.getId(), APPLICANT).getState());
  }

  private DisputeState disputeState(Dispute dispute) {
    return tx.execute(s -> disputes.get(dispute.getId(), APPLICANT).getState());
  }

  private Revocation reload(Revocation revocation) {
    return revocationRepository.findById(revocation.getId()).orElseThrow();
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
