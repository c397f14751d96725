package cn.credit.workflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.credit.workflow.DueJobs;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.ProcessTest;
import cn.credit.workflow.TestTexts;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.inbox.StepReturns;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.oversight.EscalationLevel;
import cn.credit.workflow.oversight.EscalationRepository;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.HistoryAction;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordHistoryEntry;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.text.Texts;
import cn.credit.workflow.user.AppUserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of the dispute process, driven through the services the API uses, the clock moved for timers. */
@ProcessTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=disputeProcessTest", "process-coverage.excluded=creditRepair,bankruptcyShielding,recordRevocation"})
class DisputeProcessTest {

  static final String APPLICANT = "applicant.a";

  @Autowired DisputeService disputes;
  @Autowired DisputeRepository disputeRepository;
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
  @Autowired RepairRequestRepository repairRequests;
  @Autowired Deadlines deadlines;
  @Autowired TransactionTemplate tx;
  @Autowired Texts texts;
  @Autowired StepReturns stepReturns;
  @Autowired NotificationRepository outbox;

  @BeforeEach
  void setUp() {
    EngineTime.set(Instant.now());
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void aWrongRecordIsCorrectedWithItsOldValuesKept() {
    Long recordId = freshRecord("ecology");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.WRONG_CONTENT);
    assertThat(record(recordId).getState()).as("marked from filing").isEqualTo(PublicationState.DISPUTED);
    assertThat(state(dispute)).isEqualTo(DisputeState.TRIAGE);
    assertThat(departmentOf(task(dispute, "TriageDispute"))).isEqualTo("credit-office");
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    assertThat(state(dispute)).isEqualTo(DisputeState.UNDER_VERIFICATION);
    assertThat(departmentOf(task(dispute, "VerifyDispute"))).isEqualTo("ecology");

    ApiProblem nothing = catchThrowableOfType(ApiProblem.class, () -> complete(dispute, "VerifyDispute",
        "reviewer.ecology", Map.of("outcome", "correct", "reasons", "金额有误")));
    assertThat(nothing.errors()).singleElement().asString().startsWith("correctedTitle:");
    ApiProblem otherDepartment = catchThrowableOfType(ApiProblem.class, () -> complete(dispute, "VerifyDispute",
        "reviewer.tax", Map.of("outcome", "keep", "reasons", "x")));
    assertThat(otherDepartment.status()).as("another department's task: as if there were none")
        .isEqualTo(HttpStatus.NOT_FOUND);

    complete(dispute, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "correct", "reasons", "罚款金额录入错误",
        "correctedContent", "罚款人民币二万元", "correctedDecisionDate", "2025-03-02"));
    assertEnded(dispute, "CorrectRecord", "ReplyInWriting", "DisputeReplied");
    DishonestyRecord corrected = record(recordId);
    assertThat(corrected.getContent()).isEqualTo("罚款人民币二万元");
    assertThat(corrected.getDecisionDate()).isEqualTo(LocalDate.of(2025, 3, 2));
    assertThat(corrected.getState()).as("mark removed").isEqualTo(PublicationState.PUBLISHED);
    RecordHistoryEntry correction = corrected.getHistory().stream()
        .filter(h -> h.getAction() == HistoryAction.CORRECTED).findFirst().orElseThrow();
    assertThat(correction.getChanges()).contains("content: 罚款人民币二十万元 → 罚款人民币二万元")
        .contains("decisionDate: ").contains("automaticEndDate: ");
    assertThat(correction.getActor()).isEqualTo("reviewer.ecology");
    assertThat(correction.getReason()).isEqualTo("罚款金额录入错误");
    assertThat(correction.getCaseRef()).isEqualTo(dispute.getCaseRef());
    Dispute replied = reload(dispute);
    assertThat(replied.getState()).isEqualTo(DisputeState.REPLIED);
    assertThat(replied.getOutcome()).isEqualTo(DisputeOutcome.CORRECTED);
    assertThat(replied.getLetterCode()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
  }

  @Test
  void aRecordThatShouldNotBePublishedIsCancelled() {
    Long recordId = freshRecord("tax");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.SHOULD_NOT_BE_PUBLISHED);
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    complete(dispute, "VerifyDispute", "reviewer.tax", Map.of("outcome", "cancel", "reasons", "不属于公示范围"));
    assertEnded(dispute, "CancelRecord", "ReplyInWriting", "DisputeReplied");
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.WITHDRAWN);
    assertThat(reload(dispute).getOutcome()).isEqualTo(DisputeOutcome.CANCELLED);
  }

  @Test
  @ExcludeFromProcessCoverage // it runs a repair request too, whose paths the repair tests cover
  void aCancelledRecordLeavesThePublicListAndEndsTheOpenRepairRequest() {
    Long recordId = freshRecord("tax");
    RepairRequest repair = repairs.file(APPLICANT, recordId, "已缴清税款");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.NOT_OURS);
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    complete(dispute, "VerifyDispute", "reviewer.tax", Map.of("outcome", "cancel", "reasons", "当事人认定错误"));
    assertEnded(dispute, "CancelRecord", "ReplyInWriting", "DisputeReplied");
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.WITHDRAWN);
    RepairRequest closed = repairRequests.findById(repair.getId()).orElseThrow();
    assertThat(closed.getState()).isEqualTo(RepairState.RECORD_WITHDRAWN);
    assertThat(texts.zh(closed.decisionReasonsText())).isEqualTo("因异议 " + dispute.getCaseRef());
    assertThat(texts.en(closed.decisionReasonsText())).isEqualTo("by dispute " + dispute.getCaseRef());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(repair.getCaseRef()).count())
        .as("the repair process and its watches are gone").isZero();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(repair.getCaseRef()).count()).isZero();
  }

  @Test
  void aCorrectionAfterTheRecordsOwnEndOfPublicationKeepsItEndedAndExplainsBoth() {
    Long recordId = freshRecord("ecology");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.WRONG_PERIOD);
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    LocalDate end = record(recordId).getAutomaticEndDate();
    assertThat(recordService.expireRecordsDueBy(end)).isGreaterThanOrEqualTo(1);
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.EXPIRED);

    complete(dispute, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "correct", "reasons", "内容录入错误",
        "correctedContent", "罚款人民币二万元"));
    assertEnded(dispute, "CorrectRecord", "DisputeReplied");
    DishonestyRecord after = record(recordId);
    assertThat(after.getState()).as("the end of publication stands").isEqualTo(PublicationState.EXPIRED);
    assertThat(after.getContent()).isEqualTo("罚款人民币二万元");
    assertThat(after.getHistory()).extracting(h -> h.getAction() + ":" + h.getToState()).containsExactly(
        "PUBLISHED:PUBLISHED", "STATE_CHANGED:DISPUTED", "STATE_CHANGED:EXPIRED", "CORRECTED:EXPIRED");
  }

  @Test
  void aCorrectRecordIsKeptWithReasons() {
    Long recordId = freshRecord("market");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.SHOULD_NOT_BE_PUBLISHED);
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    complete(dispute, "VerifyDispute", "reviewer.market", Map.of("outcome", "keep", "reasons", "处罚决定已生效，依法公示"));
    assertEnded(dispute, "KeepRecord", "DisputeReplied");
    assertThat(reload(dispute).getOutcome()).isEqualTo(DisputeOutcome.KEPT);
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.PUBLISHED);
  }

  @Test
  void theCreditOfficeRejectsADisputeOutOfScopeWithReasons() {
    Long recordId = freshRecord("housing");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.DUPLICATE);
    ApiProblem noReasons = catchThrowableOfType(ApiProblem.class, () -> complete(dispute, "TriageDispute",
        "reviewer.credit-office", Map.of("triageOutcome", "reject")));
    assertThat(noReasons.errors()).singleElement().asString().startsWith("rejectionReasons:");
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "reject",
        "rejectionReasons", "不属于异议受理范围"));
    assertEnded(dispute, "RejectDispute", "DisputeRejected");
    assertThat(reload(dispute).getState()).isEqualTo(DisputeState.REJECTED);
    assertThat(reload(dispute).getLetterCode()).isNotNull();
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.PUBLISHED);
  }

  /**
   * 退回 (ADR 0008): the department returns a dispute it should not verify to the credit office's
   * triage, with its reasons; the person who triaged it gets it back and forwards it again; the
   * verification limit keeps running from the first forwarding, and the applicant is not told twice.
   */
  @Test
  void theDepartmentReturnsADisputeToTheCreditOfficeWhoseTriageForwardsItAgainOnTheSameLimit() {
    Long recordId = freshRecord("ecology");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.WRONG_CONTENT);
    assertThat(task(dispute, "TriageDispute").getAssignee()).as("the first time: the credit office's queue").isNull();
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    Date verifyDue = task(dispute, "VerifyDispute").getDueDate();
    long toldBefore = mailsTo(APPLICANT, dispute);

    EngineTime.set(Instant.now().plus(Duration.ofDays(1)));
    complete(dispute, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "return",
        "reasons", "该处罚由市场监管部门作出，非本单位信息"));
    Task again = task(dispute, "TriageDispute");
    assertThat(again.getAssignee()).as("whoever triaged it").isEqualTo("reviewer.credit-office");
    assertThat(stepReturns.returnsTo(dispute.getCaseRef(), "creditDispute", "TriageDispute", Locale.SIMPLIFIED_CHINESE))
        .singleElement().satisfies(r -> {
          assertThat(r.fromStep()).isEqualTo("核查异议");
          assertThat(r.actor()).isEqualTo("reviewer.ecology");
          assertThat(r.reason()).isEqualTo("该处罚由市场监管部门作出，非本单位信息");
        });
    assertThat(record(recordId).getState()).as("still disputed while it is re-examined").isEqualTo(PublicationState.DISPUTED);

    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward",
        "opinion", "经核，该信息由本单位报送，请依法核查"));
    assertThat(task(dispute, "VerifyDispute").getDueDate()).as("a return buys no time").isEqualTo(verifyDue);
    assertThat(mailsTo(APPLICANT, dispute)).as("nothing new for the applicant").isEqualTo(toldBefore);
    complete(dispute, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "keep", "reasons", "信息准确"));
    assertEnded(dispute, "TriageJoin", "KeepRecord", "DisputeReplied");
    assertThat(reload(dispute).getOutcome()).isEqualTo(DisputeOutcome.KEPT);
  }

  @Test
  void aSecondDepartmentHelpsInParallelAndTheAssistedLimitApplies() {
    Long recordId = freshRecord("safety");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.INCONSISTENT_WITH_SOURCE);
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    ApiProblem self = catchThrowableOfType(ApiProblem.class, () -> complete(dispute, "VerifyDispute", "reviewer.safety",
        Map.of("outcome", "assist", "reasons", "需核对", "assistDepartment", "safety")));
    assertThat(self.errors()).singleElement().asString().startsWith("assistDepartment:");
    complete(dispute, "VerifyDispute", "reviewer.safety", Map.of("outcome", "assist", "reasons", "需市场监管局核对登记信息",
        "assistDepartment", "market"));
    Task assist = task(dispute, "AssistVerification");
    Task own = task(dispute, "VerifyAssisted");
    assertThat(departmentOf(assist)).isEqualTo("market");
    assertThat(departmentOf(own)).isEqualTo("safety");
    LocalDate forwarded = LocalDate.parse((String) runtime.getVariable(reload(dispute).getProcessInstanceId(), "forwardedOn"));
    Date assistedDue = deadlines.dueFrom(forwarded, Step.DISPUTE_VERIFY_ASSISTED);
    Date plainDue = deadlines.dueFrom(forwarded, Step.DISPUTE_VERIFY);
    assertThat(own.getDueDate()).isEqualTo(assistedDue.after(plainDue) ? assistedDue : plainDue);

    complete(dispute, own, "reviewer.safety", Map.of("outcome", "correct", "reasons", "与登记信息不一致",
        "correctedTitle", "安全培训记录不全（已核对）"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DisputeService.PROCESS_KEY)
        .processInstanceBusinessKey(dispute.getCaseRef()).count()).as("waits for the assisting department").isOne();
    complete(dispute, assist, "reviewer.market", Map.of("assistFindings", "登记信息与企业提供一致"));
    DueJobs.run(management);
    assertEnded(dispute, "AssistFork", "AssistVerification", "RecordAssistance", "AssistJoin", "AssistedOutcome",
        "CorrectRecord", "DisputeReplied");
    assertThat(record(recordId).getTitle()).isEqualTo("安全培训记录不全（已核对）");
  }

  @Test
  void everyDepartmentStepIsRemindedMarkedOverdueAndEscalatedToTheCityInTheCaseItself() {
    Dispute dispute = filedAndSigned(freshRecord("housing"), DisputeGround.WRONG_PERIOD);
    allThreeTimersFire(dispute, "TriageDispute");
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    allThreeTimersFire(dispute, "VerifyDispute");
    complete(dispute, "VerifyDispute", "reviewer.housing", Map.of("outcome", "assist", "reasons", "需协助",
        "assistDepartment", "tax"));
    // the two parallel steps share the assisted deadline: both are escalated, each in its own department
    allThreeTimersFire(dispute, "VerifyAssisted", "AssistVerification");
    complete(dispute, "AssistVerification", "reviewer.tax", Map.of("assistFindings", "已核对"));
    complete(dispute, "VerifyAssisted", "reviewer.housing", Map.of("outcome", "keep", "reasons", "核查结论"));
    DueJobs.run(management);
    assertEnded(dispute, "KeepRecord", "DisputeReplied");
    assertThat(escalations.findByCaseRefOrderById(dispute.getCaseRef()))
        .extracting(e -> e.getDepartmentCode() + ":" + e.getLevel()).containsExactlyInAnyOrder(
            "credit-office:DEPARTMENT_LEADER", "credit-office:CITY_LEADER", "housing:DEPARTMENT_LEADER",
            "housing:CITY_LEADER", "housing:DEPARTMENT_LEADER", "housing:CITY_LEADER", "tax:DEPARTMENT_LEADER",
            "tax:CITY_LEADER");
  }

  /** The clock at each deadline moment of the open steps: their boundary timers fire in the case itself. */
  private void allThreeTimersFire(Dispute dispute, String... steps) {
    Date due = task(dispute, steps[0]).getDueDate();
    for (Date moment : List.of(deadlines.reminderAt(due), deadlines.overdueAt(due), deadlines.cityEscalationAt(due))) {
      EngineTime.set(moment.toInstant());
      DueJobs.run(management);
    }
    String id = reload(dispute).getProcessInstanceId();
    for (String step : steps) {
      assertThat(task(dispute, step).getDueDate()).isEqualTo(due);
      assertThat(taskService.getVariableLocal(task(dispute, step).getId(), CaseTasks.OVERDUE)).isEqualTo(true);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).finished().list())
          .extracting(HistoricActivityInstance::getActivityId).contains(step + "_Reminder", step + "_ReminderAction",
              step + "_ReminderDone", step + "_Overdue", step + "_OverdueAction", step + "_OverdueDone", step + "_City",
              step + "_CityAction", step + "_CityDone");
    }
  }

  @Test
  void assistedDisputesEndInCancellationOrKeepingToo() {
    for (String outcome : List.of("cancel", "keep")) {
      Long recordId = freshRecord("hrss");
      Dispute dispute = filedAndSigned(recordId, DisputeGround.WRONG_PERIOD);
      complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
      complete(dispute, "VerifyDispute", "reviewer.hrss", Map.of("outcome", "assist", "reasons", "需协助",
          "assistDepartment", "tax"));
      complete(dispute, "AssistVerification", "reviewer.tax", Map.of("assistFindings", "已核对"));
      complete(dispute, "VerifyAssisted", "reviewer.hrss", Map.of("outcome", outcome, "reasons", "核查结论"));
      DueJobs.run(management);
      assertEnded(dispute, outcome.equals("cancel") ? "CancelRecord" : "KeepRecord", "DisputeReplied");
    }
  }

  @Test
  void oneExtensionToldInAdvanceThenOverdueVerificationEscalates() {
    Long recordId = freshRecord("ecology");
    Dispute dispute = filedAndSigned(recordId, DisputeGround.WRONG_CONTENT);
    complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    Date firstDue = task(dispute, "VerifyDispute").getDueDate();
    complete(dispute, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "extend", "reasons", "需调取原始卷宗"));
    Task extended = task(dispute, "VerifyDispute");
    assertThat(extended.getDueDate()).isAfter(firstDue).isEqualTo(deadlines.extended(firstDue));
    assertThat(reload(dispute).getDueDate()).isEqualTo(deadlines.dayOf(extended.getDueDate()));
    ApiProblem again = catchThrowableOfType(ApiProblem.class, () -> complete(dispute, "VerifyDispute",
        "reviewer.ecology", Map.of("outcome", "extend", "reasons", "再次延期")));
    assertThat(again.errors()).singleElement().asString().startsWith("outcome:");

    EngineTime.set(extended.getDueDate().toInstant().plusSeconds(2));
    DueJobs.run(management);
    assertThat(escalations.findByCaseRefOrderById(dispute.getCaseRef())).extracting(e -> e.getDepartmentCode() + ":"
        + e.getLevel()).containsExactly("ecology:" + EscalationLevel.DEPARTMENT_LEADER);
    complete(dispute, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "keep", "reasons", "核查无误"));
    assertEnded(dispute, "ExtendVerification", "KeepRecord", "DisputeReplied");
  }

  /**
   * 令 36 art. 18: an extension is told to the applicant in advance, so a verification may be extended
   * before its limit has passed and not after. Dates by hand on the State Council's 2026 calendar
   * (National Day 10-01…10-07 off, Sat 10-10 a make-up working day), national profile.
   */
  @Test
  void anExtensionIsAcceptedBeforeTheVerificationLimitAndRefusedAfterIt() {
    // forwarded Mon 2026-09-28; 7 working days, that day not counted: 09-29, 09-30, 10-08, 10-09,
    // 10-10 (Sat, make-up), 10-12, 10-13: verification due Tue 2026-10-13
    EngineTime.set(shanghai(2026, 9, 28));
    Dispute early = filedAndSigned(freshRecord("ecology"), DisputeGround.WRONG_CONTENT);
    Dispute late = filedAndSigned(freshRecord("ecology"), DisputeGround.WRONG_CONTENT);
    for (Dispute dispute : List.of(early, late)) {
      complete(dispute, "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
      assertThat(deadlines.dayOf(task(dispute, "VerifyDispute").getDueDate())).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    // asked Mon 10-12, the day before: accepted; 10 more working days from 10-13 (10-14 … 10-27, no holiday)
    EngineTime.set(shanghai(2026, 10, 12));
    complete(early, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "extend", "reasons", "需调取原始卷宗"));
    assertThat(deadlines.dayOf(task(early, "VerifyDispute").getDueDate())).isEqualTo(LocalDate.of(2026, 10, 27));
    assertThat(reload(early).getDueDate()).isEqualTo(LocalDate.of(2026, 10, 27));

    // asked Wed 10-14, the day after the limit ended: the applicant can no longer be told in advance
    EngineTime.set(shanghai(2026, 10, 14));
    ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> complete(late, "VerifyDispute",
        "reviewer.ecology", Map.of("outcome", "extend", "reasons", "需调取原始卷宗")));
    assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("outcome");
      assertThat(e.text().getCodes()).contains("dispute.extension.late");
    });
    assertThat(TestTexts.zh(refused.errors())).singleElement().asString().contains("延期须在期限届满前告知申请人");
    assertThat(deadlines.dayOf(task(late, "VerifyDispute").getDueDate())).as("nothing changed")
        .isEqualTo(LocalDate.of(2026, 10, 13));
    assertThat(reload(late).getDueDate()).isEqualTo(LocalDate.of(2026, 10, 13));

    for (Dispute dispute : List.of(early, late)) {
      complete(dispute, "VerifyDispute", "reviewer.ecology", Map.of("outcome", "keep", "reasons", "核查无误"));
      assertEnded(dispute, "KeepRecord", "DisputeReplied");
    }
  }

  /** 10:00 in the credit office's zone on that day. */
  private static Instant shanghai(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  @Test
  void anUnsignedDisputeLapsesAndTheMarkGoes() {
    Long recordId = freshRecord("tax");
    Dispute dispute = disputes.file(APPLICANT, recordId, "WRONG_CONTENT", "金额不对", null);
    ApiProblem second = catchThrowableOfType(ApiProblem.class,
        () -> disputes.file(APPLICANT, recordId, "WRONG_CONTENT", "再提一次", null));
    assertThat(TestTexts.zh(second.errors())).singleElement().asString().contains("已有正在办理的异议");
    Task signing = task(dispute, "SignCommitmentTask");
    EngineTime.set(signing.getDueDate().toInstant().plusSeconds(2));
    DueJobs.run(management);
    assertEnded(dispute, "LapseUnsigned", "DisputeLapsed");
    assertThat(reload(dispute).getState()).isEqualTo(DisputeState.LAPSED);
    assertThat(record(recordId).getState()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(texts.zh(reload(dispute).reasonsText())).isEqualTo("未在期限内签署信用承诺书");
    assertThat(texts.en(reload(dispute).reasonsText())).isEqualTo("commitment not signed in time");
  }

  @Test
  void badFilingsAreRefusedWithEveryReasonAndLeaveNothing() {
    long before = disputeRepository.count();
    ApiProblem empty = catchThrowableOfType(ApiProblem.class, () -> disputes.file(APPLICANT, null, "NOPE", " ", null));
    assertThat(empty.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(empty.errors()).hasSize(3);
    Long others = tx.execute(s -> records.findAll().stream()
        .filter(r -> !r.getEntity().getUscc().equals("91370100MA3C4K5N0R")).findFirst().orElseThrow().getId());
    assertThat(catchThrowableOfType(ApiProblem.class, () -> disputes.file(APPLICANT, others, "NOT_OURS", "x", null))
        .status()).as("another entity's record: as if there were none").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(disputeRepository.count()).isEqualTo(before);
  }

  private Dispute filedAndSigned(Long recordId, DisputeGround ground) {
    Dispute dispute = disputes.file(APPLICANT, recordId, ground.name(), "公示内容与处罚决定书不一致", "处罚决定书复印件");
    disputes.sign(dispute.getId(), APPLICANT, "王建明", true);
    return dispute;
  }

  private Long freshRecord(String department, String... members) {
    return tx.execute(s -> {
      var entity = users.findById(APPLICANT).orElseThrow().getEntity();
      Set<Department> memberSet = Arrays.stream(members).map(departments::getReferenceById).collect(Collectors.toSet());
      return recordService.publish(new RecordFacts(entity, departments.getReferenceById(department),
          RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "异议〔" + System.nanoTime() + "〕号", "超标排放",
          "罚款人民币二十万元", deadlines.dayOf(deadlines.now()).minusDays(200), null, memberSet), "test").getId();
    });
  }

  private void complete(Dispute dispute, String taskKey, String user, Map<String, Object> values) {
    complete(dispute, task(dispute, taskKey), user, values);
  }

  private void complete(Dispute dispute, Task task, String user, Map<String, Object> values) {
    inbox.complete(task.getId(), user, values);
  }

  private Task task(Dispute dispute, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(dispute.getCaseRef())
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task " + taskKey + " of " + dispute.getCaseRef()).isNotEmpty();
    return tasks.get(0);
  }

  private String departmentOf(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).findFirst().orElseThrow();
  }

  private void assertEnded(Dispute dispute, String... passed) {
    String id = reload(dispute).getProcessInstanceId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as("ended").isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(passed);
  }

  private long mailsTo(String user, Dispute dispute) {
    return outbox.findByCaseRefOrderByCreatedAt(dispute.getCaseRef()).stream()
        .filter(n -> user.equals(n.getRecipientUser())).count();
  }

  private Dispute reload(Dispute dispute) {
    return disputeRepository.findById(dispute.getId()).orElseThrow();
  }

  private DisputeState state(Dispute dispute) {
    return reload(dispute).getState();
  }

  private DishonestyRecord record(Long id) {
    return tx.execute(s -> {
      DishonestyRecord record = records.findById(id).orElseThrow();
      record.getHistory().size();
      return record;
    });
  }
}
