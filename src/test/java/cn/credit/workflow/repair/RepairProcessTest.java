package cn.credit.workflow.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.credit.workflow.DueJobs;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.ProcessTest;
import cn.credit.workflow.TestTexts;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.inbox.StepReturns;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.oversight.EscalationLevel;
import cn.credit.workflow.oversight.EscalationRepository;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of the credit repair and commitment signing processes, driven through the services
 * the API uses (file, sign, complete tasks through their forms) with the clock moved for timers.
 */
@ProcessTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=repairProcessTest", "process-coverage.excluded=creditDispute,bankruptcyShielding,recordRevocation"})
class RepairProcessTest {

  static final String APPLICANT = "applicant.a";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepairService repairs;
  @Autowired RepairRequestRepository requests;
  @Autowired InboxService inbox;
  @Autowired RecordService recordService;
  @Autowired DishonestyRecordRepository records;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired EscalationRepository escalations;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;
  @Autowired cn.credit.workflow.deadline.Deadlines deadlines;
  @Autowired StepReturns stepReturns;

  private Instant now;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    now = Instant.now();
    EngineTime.set(now);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void grantWithoutLeaderSignOffStopsPublicationAtOnce() {
    Long recordId = freshRecord(Severity.GENERAL, "ecology");
    RepairRequest request = repairs.file(APPLICANT, recordId, "已缴清罚款并完成整改");
    assertThat(request.getState()).isEqualTo(RepairState.AWAITING_SIGNATURE);
    ProcessInstance instance = instance(request);
    assertThat(instance).isWaitingAt("SignCommitment");

    sign(request);
    assertThat(instance).isWaitingAt("AcceptRequest");
    assertThat(state(request)).isEqualTo(RepairState.UNDER_ACCEPTANCE);
    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    assertThat(state(request)).isEqualTo(RepairState.UNDER_REVIEW);
    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "grant"));

    assertThat(instance).isEnded().hasPassed("StopPublication", "CompleteRepair", "Repaired")
        .hasNotPassed("LeaderSignOff", "ConfirmLifting");
    RepairRequest done = requests.findById(request.getId()).orElseThrow();
    assertThat(done.getState()).isEqualTo(RepairState.COMPLETED);
    assertThat(done.getLetterCode()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    DishonestyRecord record = record(recordId);
    assertThat(record.getState()).isEqualTo(PublicationState.STOPPED);
    assertThat(record.getHistory()).last().satisfies(h -> {
      assertThat(h.getCaseRef()).isEqualTo(request.getCaseRef());
      assertThat(h.getActor()).isEqualTo("reviewer.ecology");
    });
    assertThat(mailsTo(APPLICANT, request)).containsExactly("【办理进度】申请已收到 " + request.getCaseRef(),
        "【办理进度】已受理 " + request.getCaseRef(), "【办理进度】已作出决定 " + request.getCaseRef(),
        "【办理进度】已停止公示 " + request.getCaseRef());
  }

  @Test
  void refusalAtAcceptanceGivesReasonsAndALetter() {
    RepairRequest request = filedAndSigned(Severity.GENERAL, "ecology");
    ApiProblem missingReasons = catchThrowableOfType(ApiProblem.class,
        () -> complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "refuse")));
    assertThat(missingReasons.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(missingReasons.errors()).singleElement().asString().startsWith("refusalReasons:");

    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "refuse",
        "refusalReasons", "罚款尚未缴清"));
    assertThat(instance(request)).isEnded().hasPassed("RefuseAcceptance", "NotAccepted");
    RepairRequest refused = requests.findById(request.getId()).orElseThrow();
    assertThat(refused.getState()).isEqualTo(RepairState.NOT_ACCEPTED);
    assertThat(refused.getDecisionReasons()).isEqualTo("罚款尚未缴清");
    assertThat(refused.getLetterCode()).isNotNull();
    assertThat(record(request.getRecord().getId()).getState()).isEqualTo(PublicationState.PUBLISHED);
  }

  @Test
  void oneSupplementNoticeRestartsTheAcceptanceClockAndASecondIsRefused() {
    RepairRequest request = filedAndSigned(Severity.GENERAL, "ecology");
    Date firstDue = task(request, "AcceptRequest").getDueDate();
    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "supplement",
        "missingMaterials", "纳税证明；整改报告"));
    assertThat(state(request)).isEqualTo(RepairState.AWAITING_SUPPLEMENT);
    assertThat(task(request, "ProvideSupplement").getAssignee()).isEqualTo(APPLICANT);

    advance(Duration.ofDays(2));
    complete(request, "ProvideSupplement", APPLICANT, Map.of("supplementAnswer", "已上传纳税证明和整改报告"));
    assertThat(requests.findById(request.getId()).orElseThrow().getSupplementAnswer()).isEqualTo("已上传纳税证明和整改报告");
    Task again = task(request, "AcceptRequest");
    assertThat(again.getDueDate()).as("a new acceptance clock from the answer").isAfter(firstDue);

    ApiProblem second = catchThrowableOfType(ApiProblem.class, () -> complete(request, "AcceptRequest",
        "reviewer.ecology", Map.of("acceptOutcome", "supplement", "missingMaterials", "还有别的")));
    assertThat(TestTexts.zh(second.errors())).singleElement().asString().contains("一次性告知补正只能一次");
    assertThat(task(request, "AcceptRequest")).as("nothing changed").isNotNull();

    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "grant"));
    assertThat(instance(request)).isEnded().hasPassed("NotifySupplement", "ProvideSupplement", "Repaired");
  }

  @Test
  void aSupplementNotProvidedInTimeLapsesTheRequest() {
    RepairRequest request = filedAndSigned(Severity.GENERAL, "ecology");
    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "supplement",
        "missingMaterials", "整改报告"));
    Date due = task(request, "ProvideSupplement").getDueDate();
    moveTo(due.toInstant().plusSeconds(2));
    DueJobs.run(management);
    assertThat(instance(request)).isEnded().hasPassed("SupplementOverdue", "LapseSupplement", "SupplementLapsed");
    assertThat(state(request)).isEqualTo(RepairState.LAPSED);
  }

  @Test
  void anExtensionNeedsTheLeaderMovesTheDeadlineAndHappensOnce() {
    RepairRequest request = filedAndSigned(Severity.GENERAL, "ecology");
    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    Date firstDue = task(request, "VerifyAndDecide").getDueDate();

    ApiProblem noReason = catchThrowableOfType(ApiProblem.class,
        () -> complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "extend")));
    assertThat(noReason.errors()).singleElement().asString().startsWith("extensionReason:");

    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "extend", "extensionReason", "需现场核查"));
    ApiProblem notTheLeader = catchThrowableOfType(ApiProblem.class,
        () -> complete(request, "ApproveExtension", "reviewer.ecology", Map.of("extensionApproved", "true")));
    assertThat(notTheLeader.status()).as("the leaders' task: not the reviewer's to see").isEqualTo(HttpStatus.NOT_FOUND);
    complete(request, "ApproveExtension", "leader.ecology", Map.of("extensionApproved", "false",
        "extensionComment", "材料已足够"));
    assertThat(task(request, "VerifyAndDecide").getDueDate()).as("declined: the deadline stays").isEqualTo(firstDue);

    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "extend", "extensionReason", "需另一部门协查"));
    complete(request, "ApproveExtension", "leader.ecology", Map.of("extensionApproved", "true"));
    assertThat(task(request, "VerifyAndDecide").getDueDate()).isEqualTo(deadlines.extended(firstDue));
    assertThat(mailsTo(APPLICANT, request)).contains("【办理进度】办理期限已延长 " + request.getCaseRef());

    ApiProblem twice = catchThrowableOfType(ApiProblem.class, () -> complete(request, "VerifyAndDecide",
        "reviewer.ecology", Map.of("decision", "extend", "extensionReason", "again")));
    assertThat(TestTexts.zh(twice.errors())).singleElement().asString().contains("只能延长一次");

    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "refuse", "decisionReasons", "整改不到位"));
    assertThat(instance(request)).isEnded().hasPassed("ExtensionApproved", "ExtendDeadline", "RefuseRepair",
        "RepairRefused");
    assertThat(state(request)).isEqualTo(RepairState.REFUSED);
    assertThat(record(request.getRecord().getId()).getState()).isEqualTo(PublicationState.PUBLISHED);
  }

  @Test
  void aSeriousRecordNeedsTheLeadersSignOffAndEveryMemberDepartmentConfirmsOneLate() {
    RepairRequest request = filedAndSigned(Severity.SERIOUS, "market", "tax", "housing", "ecology");
    complete(request, "AcceptRequest", "reviewer.market", Map.of("acceptOutcome", "accept"));
    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));
    assertThat(instance(request)).isWaitingAt("LeaderSignOff");
    assertThat(record(request.getRecord().getId()).getState()).as("not before the sign-off")
        .isEqualTo(PublicationState.PUBLISHED);

    complete(request, "LeaderSignOff", "leader.market", Map.of("signOffApproved", "false", "signOffComment", "补充核查整改情况"));
    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));
    complete(request, "LeaderSignOff", "leader.market", Map.of("signOffApproved", "true"));
    assertThat(record(request.getRecord().getId()).getState()).isEqualTo(PublicationState.STOPPED);
    assertThat(state(request)).isEqualTo(RepairState.GRANTED);

    List<Task> confirmations = taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef())
        .taskDefinitionKey("ConfirmLifting").list();
    assertThat(confirmations).hasSize(3);
    assertThat(confirmations).extracting(t -> inbox.task(t.getId(), "reviewer." + department(t)).department())
        .containsExactlyInAnyOrder("tax", "housing", "ecology");

    complete(request, taskOf(confirmations, "tax"), "reviewer.tax", Map.of("liftedMeasures", "true", "liftingNote", "恢复纳税信用评价"));
    complete(request, taskOf(confirmations, "housing"), "reviewer.housing", Map.of("liftedMeasures", "true", "liftingNote", "恢复投标资格"));
    DueJobs.run(management);
    // ecology is late: past its sync deadline it is overdue and escalated like any task
    moveTo(confirmations.get(0).getDueDate().toInstant().plusSeconds(2));
    DueJobs.run(management);
    assertThat(escalations.findByCaseRefOrderById(request.getCaseRef()))
        .extracting(e -> e.getDepartmentCode() + ":" + e.getLevel()).containsExactly("ecology:DEPARTMENT_LEADER");
    assertThat(instance(request)).isNotEnded();

    complete(request, taskOf(confirmations, "ecology"), "reviewer.ecology", Map.of("liftedMeasures", "true", "liftingNote", "恢复环保专项资金申报资格"));
    DueJobs.run(management);
    assertThat(instance(request)).isEnded().hasPassed("LeaderSignOff", "SignedOff", "ConfirmLifting", "Repaired");
    assertThat(state(request)).isEqualTo(RepairState.COMPLETED);
  }

  /**
   * 退回 (ADR 0008): the leader returns the grant, with a reason, to the reviewer who made it; the
   * re-opened decision is theirs, due on the decision's own deadline (a return adds no time), and they
   * are mailed the reason; the return is kept with who, when and why for the step's workbench.
   */
  @Test
  void theLeaderReturnsTheGrantToTheReviewerWhoMadeItWithAReasonAndTheDecisionsLimitKeepsRunning() {
    RepairRequest request = filedAndSigned(Severity.SERIOUS, "market");
    complete(request, "AcceptRequest", "reviewer.market", Map.of("acceptOutcome", "accept"));
    Task first = task(request, "VerifyAndDecide");
    assertThat(first.getAssignee()).as("the first time: the department's queue").isNull();
    Date decisionDue = first.getDueDate();
    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));

    ApiProblem noReason = catchThrowableOfType(ApiProblem.class, () -> complete(request, "LeaderSignOff",
        "leader.market", Map.of("signOffApproved", "false")));
    assertThat(noReason.errors()).singleElement().asString().startsWith("signOffComment:");
    assertThat(instance(request)).isWaitingAt("LeaderSignOff");

    advance(Duration.ofDays(1));
    complete(request, "LeaderSignOff", "leader.market", Map.of("signOffApproved", "false",
        "signOffComment", "请补充现场核查记录"));
    Task returned = task(request, "VerifyAndDecide");
    assertThat(returned.getId()).isNotEqualTo(first.getId());
    assertThat(returned.getAssignee()).as("whoever decided before").isEqualTo("reviewer.market");
    assertThat(returned.getDueDate()).as("the decision's limit, not a new one").isEqualTo(decisionDue);
    assertThat(instance(request)).hasPassed("SignedOff", "ReviewJoin");

    List<Notification> toReviewer = outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef()).stream()
        .filter(n -> "reviewer.market".equals(n.getRecipientUser()) && n.getSubject().contains("退回")).toList();
    assertThat(toReviewer).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("【待办变动】退回 核查并作出决定 " + request.getCaseRef());
      assertThat(mail.getBody()).contains("请补充现场核查记录").contains("/tasks/" + returned.getId())
          .contains(deadlines.dayOf(decisionDue).toString());
    });
    assertThat(stepReturns.returnsTo(request.getCaseRef(), "creditRepair", "VerifyAndDecide", Locale.SIMPLIFIED_CHINESE))
        .singleElement().satisfies(r -> {
          assertThat(r.fromStep()).isEqualTo("领导签批");
          assertThat(r.actor()).isEqualTo("leader.market");
          assertThat(r.reason()).isEqualTo("请补充现场核查记录");
        });

    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));
    assertThat(task(request, "LeaderSignOff").getAssignee()).as("the sign-off is no return: the leaders' queue")
        .isNull();
    complete(request, "LeaderSignOff", "leader.market", Map.of("signOffApproved", "true"));
    assertThat(instance(request)).isEnded().hasPassed("StopPublication", "Repaired");
  }

  /** A reviewer who may no longer work the step (disabled, moved) does not get it back: the department's queue does. */
  @Test
  void aReturnGoesToTheDepartmentsQueueWhenItsReviewerMayNoLongerWorkIt() {
    RepairRequest request = filedAndSigned(Severity.SERIOUS, "housing");
    complete(request, "AcceptRequest", "reviewer.housing", Map.of("acceptOutcome", "accept"));
    complete(request, "VerifyAndDecide", "reviewer.housing", Map.of("decision", "grant"));
    enabled("reviewer.housing", false);
    try {
      complete(request, "LeaderSignOff", "leader.housing", Map.of("signOffApproved", "false", "signOffComment", "补充材料"));
      assertThat(task(request, "VerifyAndDecide").getAssignee()).isNull();
      assertThat(department(task(request, "VerifyAndDecide"))).isEqualTo("housing");
      assertThat(mailsTo("reviewer.housing", request)).as("a disabled account is not mailed")
          .noneMatch(subject -> subject.contains("退回"));
    } finally {
      enabled("reviewer.housing", true);
    }
    complete(request, "VerifyAndDecide", "reviewer.housing", Map.of("decision", "refuse", "decisionReasons", "整改不到位"));
    assertThat(instance(request)).isEnded().hasPassed("RepairRefused");
  }

  private void enabled(String username, boolean enabled) {
    tx.executeWithoutResult(s -> users.findById(username).orElseThrow().setEnabled(enabled));
  }

  /**
   * The leader's sign-off fits inside the decision's limit (domain §3: "inside the 7 working days of
   * the decision … a product choice may add sign-off, never time"): it is due at the earlier of the
   * decision's deadline and the profile's 2 sign-off days from the grant. Dates by hand on the State
   * Council's 2026 calendar (National Day 10-01…10-07 off, Sat 10-10 a make-up working day).
   */
  @Test
  void theLeadersSignOffIsDueInsideTheDecisionsLimitEvenOnItsLastDay() {
    // accepted Mon 2026-09-28; 7 working days, that day not counted: 09-29, 09-30, 10-08, 10-09,
    // 10-10 (Sat, make-up), 10-12, 10-13: the decision is due Tue 2026-10-13
    moveTo(shanghai(2026, 9, 28));
    RepairRequest request = filedAndSigned(Severity.SERIOUS, "market");
    complete(request, "AcceptRequest", "reviewer.market", Map.of("acceptOutcome", "accept"));
    assertThat(deadlines.dayOf(task(request, "VerifyAndDecide").getDueDate())).isEqualTo(LocalDate.of(2026, 10, 13));

    // granted Fri 10-09: 2 sign-off days are 10-10 (make-up) and 10-12, before the decision's 10-13
    moveTo(shanghai(2026, 10, 9));
    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));
    assertSignOffDue(request, LocalDate.of(2026, 10, 12));
    complete(request, "LeaderSignOff", "leader.market", Map.of("signOffApproved", "false", "signOffComment", "补充核查"));

    // granted again on the last day, Tue 10-13: 2 sign-off days would end Thu 10-15, past the
    // decision's limit; the sign-off is due that same day, 10-13
    moveTo(shanghai(2026, 10, 13));
    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));
    assertSignOffDue(request, LocalDate.of(2026, 10, 13));
    complete(request, "LeaderSignOff", "leader.market", Map.of("signOffApproved", "true"));
    assertThat(instance(request)).isEnded().hasPassed("SignedOff", "Repaired");
  }

  /**
   * The whole request's 10 working days (domain §3) stay current on the applicant's page: counted from
   * the signed commitment, moved by the applicant's supplement time and by an approved extension, and
   * the applicant is mailed each new date. Dates by hand on the 2026 calendar: Mid-Autumn 09-25…09-27
   * and National Day 10-01…10-07 off, Sat 10-10 a make-up working day.
   */
  @Test
  void theWholeRequestsLimitFollowsTheSignatureTheSupplementAndTheExtension() {
    // filed Mon 09-21: 09-22, 09-23, 09-24, 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12
    moveTo(shanghai(2026, 9, 21));
    RepairRequest request = repairs.file(APPLICANT, freshRecord(Severity.GENERAL, "ecology"), "已缴清罚款并完成整改");
    assertThat(dueOf(request)).isEqualTo(LocalDate.of(2026, 10, 12));

    // signed Wed 09-23, two days late: received only now, 09-24, 09-28 … 10-13, 10-14
    moveTo(shanghai(2026, 9, 23));
    sign(request);
    assertThat(dueOf(request)).isEqualTo(LocalDate.of(2026, 10, 14));

    // notice Thu 09-24, answered Tue 09-29: the applicant's working days 09-28 and 09-29 (09-25 is
    // Mid-Autumn) do not count, so 2 more: 10-15, 10-16
    moveTo(shanghai(2026, 9, 24));
    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "supplement", "missingMaterials", "整改报告"));
    moveTo(shanghai(2026, 9, 29));
    complete(request, "ProvideSupplement", APPLICANT, Map.of("supplementAnswer", "已上传整改报告"));
    assertThat(dueOf(request)).isEqualTo(LocalDate.of(2026, 10, 16));

    // accepted Wed 09-30, decision due 10-15; extension approved Fri 10-09: the decision by 10-29,
    // the whole request 10 more working days from 10-16: 10-19 … 10-30
    moveTo(shanghai(2026, 9, 30));
    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    moveTo(shanghai(2026, 10, 9));
    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "extend", "extensionReason", "需现场核查"));
    complete(request, "ApproveExtension", "leader.ecology", Map.of("extensionApproved", "true"));
    assertThat(deadlines.dayOf(task(request, "VerifyAndDecide").getDueDate())).isEqualTo(LocalDate.of(2026, 10, 29));
    assertThat(dueOf(request)).isEqualTo(LocalDate.of(2026, 10, 30));

    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "grant"));
    String ref = request.getCaseRef();
    assertThat(mailsTo(APPLICANT, request)).containsExactly("【办理进度】申请已收到 " + ref, "【办理进度】需补正材料 " + ref,
        "【办理进度】办理期限已延长 " + ref, "【办理进度】已受理 " + ref, "【办理进度】办理期限已延长 " + ref,
        "【办理进度】已作出决定 " + ref, "【办理进度】已停止公示 " + ref);
    assertThat(outbox.findByCaseRefOrderByCreatedAt(ref)).filteredOn(n -> APPLICANT.equals(n.getRecipientUser()))
        .extracting(Notification::getBody).satisfies(bodies -> {
          assertThat(bodies.get(0)).as("received: the date from the signature").contains("2026-10-14");
          assertThat(bodies.get(2)).as("after the supplement").contains("整个申请的办理期限顺延至2026-10-16");
          assertThat(bodies.get(4)).as("after the extension").contains("2026-10-29").contains("2026-10-30");
        });
  }

  private LocalDate dueOf(RepairRequest request) {
    return requests.findById(request.getId()).orElseThrow().getDueDate();
  }

  /** The sign-off task and its overdue timer keep the same day: overdue from the start of the next. */
  private void assertSignOffDue(RepairRequest request, LocalDate day) {
    Task signOff = task(request, "LeaderSignOff");
    assertThat(deadlines.dayOf(signOff.getDueDate())).isEqualTo(day);
    Date overdue = management.createJobQuery().processInstanceId(signOff.getProcessInstanceId())
        .activityId("LeaderSignOff_Overdue").singleResult().getDuedate();
    assertThat(overdue).isEqualTo(Date.from(day.plusDays(1).atStartOfDay(SHANGHAI).toInstant()));
  }

  @Test
  void everyDepartmentStepIsRemindedMarkedOverdueAndEscalatedToTheCityInTheCaseItself() {
    RepairRequest request = filedAndSigned(Severity.SERIOUS, "market", "tax");
    ProcessInstance instance = instance(request);
    allThreeTimersFire(request, "AcceptRequest", "market");
    complete(request, "AcceptRequest", "reviewer.market", Map.of("acceptOutcome", "accept"));
    allThreeTimersFire(request, "VerifyAndDecide", "market");
    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "extend", "extensionReason", "需现场核查"));
    allThreeTimersFire(request, "ApproveExtension", "market");
    complete(request, "ApproveExtension", "leader.market", Map.of("extensionApproved", "true"));
    complete(request, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));
    allThreeTimersFire(request, "LeaderSignOff", "market");
    complete(request, "LeaderSignOff", "leader.market", Map.of("signOffApproved", "true"));
    allThreeTimersFire(request, "ConfirmLifting", "tax");
    complete(request, "ConfirmLifting", "reviewer.tax", Map.of("liftedMeasures", "true", "liftingNote", "恢复纳税信用评价"));
    DueJobs.run(management);
    assertThat(instance(request)).isEnded().hasPassed("Repaired");
    assertThat(escalations.findByCaseRefOrderById(request.getCaseRef()))
        .extracting(e -> e.getDepartmentCode() + ":" + e.getLevel()).containsExactly(
            "market:DEPARTMENT_LEADER", "market:CITY_LEADER", "market:DEPARTMENT_LEADER", "market:CITY_LEADER",
            "market:DEPARTMENT_LEADER", "market:CITY_LEADER", "market:DEPARTMENT_LEADER", "market:CITY_LEADER",
            "tax:DEPARTMENT_LEADER", "tax:CITY_LEADER");
  }

  /**
   * Moves the clock to each deadline moment of the open step: its reminder, overdue mark and city
   * escalation come from the case's own boundary timers, and the step stays open and keeps its deadline.
   */
  private void allThreeTimersFire(RepairRequest request, String step, String department) {
    Task task = task(request, step);
    Date due = task.getDueDate();
    moveTo(deadlines.reminderAt(due).toInstant());
    DueJobs.run(management);
    moveTo(deadlines.overdueAt(due).toInstant());
    DueJobs.run(management);
    assertThat(taskService.getVariableLocal(task.getId(), cn.credit.workflow.process.CaseTasks.OVERDUE)).isEqualTo(true);
    moveTo(deadlines.cityEscalationAt(due).toInstant());
    DueJobs.run(management);
    assertThat(instance(request)).hasPassed(step + "_Reminder", step + "_ReminderAction", step + "_ReminderDone",
        step + "_Overdue", step + "_OverdueAction", step + "_OverdueDone", step + "_City", step + "_CityAction",
        step + "_CityDone").isWaitingAt(step);
    assertThat(task(request, step).getDueDate()).isEqualTo(due);
    assertThat(outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef())).filteredOn(n -> n.getSubject().contains("临期"))
        .isNotEmpty();
  }

  @Test
  void aCommitmentNotSignedInTimeLapsesTheRequest() {
    RepairRequest request = repairs.file(APPLICANT, freshRecord(Severity.MINOR, "safety"), "已改正");
    Task signing = task(request, "SignCommitmentTask");
    moveTo(signing.getDueDate().toInstant().plusSeconds(2));
    DueJobs.run(management);
    assertThat(instance(request)).isEnded().hasPassed("CommitmentSigned", "LapseUnsigned", "RequestLapsed");
    assertThat(state(request)).isEqualTo(RepairState.LAPSED);
    assertThat(mailsTo(APPLICANT, request)).contains("【办理进度】申请已失效 " + request.getCaseRef());
  }

  @Test
  void theApplicantWithdrawsBeforeTheDecisionButNotAfter() {
    RepairRequest request = filedAndSigned(Severity.GENERAL, "ecology");
    repairs.withdraw(request.getId(), APPLICANT);
    assertThat(instance(request)).isEnded().hasPassed("WithdrawalRequested", "WithdrawRequest", "Withdrawn");
    assertThat(state(request)).isEqualTo(RepairState.WITHDRAWN);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef()).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("taskDeadline")
        .processInstanceBusinessKey(request.getCaseRef()).count()).as("no deadline watch left").isZero();

    RepairRequest decided = filedAndSigned(Severity.GENERAL, "ecology");
    complete(decided, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "refuse", "refusalReasons", "x"));
    ApiProblem late = catchThrowableOfType(ApiProblem.class, () -> repairs.withdraw(decided.getId(), APPLICANT));
    assertThat(late.status()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aBrokenCommitmentRevokesTheRepairPublishesANewRecordAndBarsTheOriginal() {
    RepairRequest request = filedAndSigned(Severity.GENERAL, "ecology");
    complete(request, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    complete(request, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "grant"));
    Long originalId = request.getRecord().getId();
    assertThat(record(originalId).getState()).isEqualTo(PublicationState.STOPPED);

    ApiProblem notTheirs = catchThrowableOfType(ApiProblem.class,
        () -> repairs.reportBreach(request.getId(), "reviewer.tax", "x"));
    assertThat(notTheirs.status()).as("another department's case: as if there were none").isEqualTo(HttpStatus.NOT_FOUND);

    DishonestyRecord breach = repairs.reportBreach(request.getId(), "reviewer.ecology", "整改报告系伪造");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertThat(breach.getType()).isEqualTo(RecordType.BROKEN_COMMITMENT);
    // published for 3 years to the end of the term's last day: it stops, and may be repaired, the day after
    assertThat(breach.getAutomaticEndDate()).isEqualTo(today.plusYears(3).plusDays(1));
    assertThat(breach.getEarliestRepairDate()).isEqualTo(today.plusYears(3).plusDays(1));
    DishonestyRecord original = record(originalId);
    assertThat(original.getState()).isEqualTo(PublicationState.PUBLISHED);
    // three years counted from the day after the breach (民法典 art. 201): barred up to and including today + 3 years
    assertThat(original.getRepairBarredUntil()).isEqualTo(today.plusYears(3).plusDays(1));
    assertThat(state(request)).isEqualTo(RepairState.REVOKED);

    ApiProblem barred = catchThrowableOfType(ApiProblem.class, () -> repairs.file(APPLICANT, originalId, "再次申请"));
    assertThat(TestTexts.zh(barred.errors())).anySatisfy(e -> assertThat(e).contains("违背信用承诺"));
    assertThat(barred.details()).containsEntry("earliestRepairDate", today.plusYears(3).plusDays(1));
    ApiProblem newOne = catchThrowableOfType(ApiProblem.class, () -> repairs.file(APPLICANT, breach.getId(), "申请"));
    assertThat(TestTexts.zh(newOne.errors())).anySatisfy(e -> assertThat(e).contains("不得提前修复"));
  }

  @Test
  void anIneligibleRequestIsRefusedWithEveryReasonAndNothingIsStarted() {
    long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(RepairService.PROCESS_KEY).count();
    long requestsBefore = requests.count();
    Long recent = tx.execute(s -> recordService.publish(new RecordFacts(users.findById(APPLICANT).orElseThrow().getEntity(),
        departments.getReferenceById("tax"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "近期〔1〕号", "近期处罚",
        "内容", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10), null, Set.of()), "test").getId());
    ApiProblem tooEarly = catchThrowableOfType(ApiProblem.class, () -> repairs.file(APPLICANT, recent, "已整改"));
    assertThat(tooEarly.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(tooEarly.details()).containsKey("earliestRepairDate");
    assertThat(TestTexts.zh(tooEarly.errors())).singleElement().asString().contains("最短公示期未满");

    Long othersRecord = tx.execute(s -> records.findAll().stream()
        .filter(r -> !r.getEntity().getUscc().equals("91370100MA3C4K5N0R")).findFirst().orElseThrow().getId());
    assertThat(catchThrowableOfType(ApiProblem.class, () -> repairs.file(APPLICANT, othersRecord, "x")).status())
        .as("another entity's record: as if there were none").isEqualTo(HttpStatus.NOT_FOUND);

    RepairRequest open = filedAndSigned(Severity.GENERAL, "ecology");
    ApiProblem twice = catchThrowableOfType(ApiProblem.class,
        () -> repairs.file(APPLICANT, open.getRecord().getId(), "再来一次"));
    assertThat(TestTexts.zh(twice.errors())).singleElement().asString().contains("已有正在办理的修复申请");

    assertThat(requests.count()).isEqualTo(requestsBefore + 1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RepairService.PROCESS_KEY).count())
        .isEqualTo(instancesBefore + 1);
  }

  // helpers -------------------------------------------------------------------------------

  private RepairRequest filedAndSigned(Severity severity, String department, String... members) {
    RepairRequest request = repairs.file(APPLICANT, freshRecord(severity, department, members), "已履行全部法定义务");
    sign(request);
    return request;
  }

  private void sign(RepairRequest request) {
    repairs.sign(request.getId(), APPLICANT, "王明德", true);
  }

  private Long freshRecord(Severity severity, String department, String... members) {
    return tx.execute(s -> {
      var entity = users.findById(APPLICANT).orElseThrow().getEntity();
      Set<Department> memberSet = Arrays.stream(members).map(departments::getReferenceById).collect(Collectors.toSet());
      LocalDate decided = LocalDate.ofInstant(now, SHANGHAI).minusDays(severity == Severity.SERIOUS ? 400 : 200);
      RecordFacts facts = new RecordFacts(entity, departments.getReferenceById(department),
          RecordType.ADMINISTRATIVE_PENALTY, severity, "测试〔" + System.nanoTime() + "〕号", "测试处罚", "内容",
          decided, null, memberSet);
      // a minor record is published, and so repairable, only when marked necessary (令 36 art. 12)
      return recordService.publish(severity == Severity.MINOR ? facts.necessaryToPublish("测试：确有必要公示") : facts,
          "test").getId();
    });
  }

  private void complete(RepairRequest request, String taskKey, String user, Map<String, Object> values) {
    complete(request, task(request, taskKey), user, values);
  }

  private void complete(RepairRequest request, Task task, String user, Map<String, Object> values) {
    inbox.complete(task.getId(), user, values);
  }

  private String department(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).findFirst().orElseThrow();
  }

  private Task taskOf(List<Task> tasks, String department) {
    return tasks.stream().filter(t -> department(t).equals(department)).findFirst().orElseThrow();
  }

  private Task task(RepairRequest request, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef())
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task " + taskKey + " of " + request.getCaseRef()).isNotEmpty();
    return tasks.get(0);
  }

  private ProcessInstance instance(RepairRequest request) {
    String id = requests.findById(request.getId()).orElseThrow().getProcessInstanceId();
    ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    if (running != null) {
      return running;
    }
    HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    return new InstanceRef(ended.getId(), ended.getBusinessKey(), ended.getProcessDefinitionId());
  }

  private RepairState state(RepairRequest request) {
    return requests.findById(request.getId()).orElseThrow().getState();
  }

  private DishonestyRecord record(Long id) {
    return tx.execute(s -> {
      DishonestyRecord record = records.findById(id).orElseThrow();
      record.getHistory().size();
      return record;
    });
  }

  private List<String> mailsTo(String user, RepairRequest request) {
    return outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef()).stream()
        .filter(n -> user.equals(n.getRecipientUser())).map(Notification::getSubject).toList();
  }

  private void advance(Duration by) {
    moveTo(now.plus(by));
  }

  /** 10:00 in the credit office's zone on that day. */
  private static Instant shanghai(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(10, 0).atZone(SHANGHAI).toInstant();
  }

  private void moveTo(Instant instant) {
    now = instant;
    EngineTime.set(now);
  }
}
