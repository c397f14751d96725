package cn.credit.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.credit.workflow.EngineTest;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeOutcome;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.dispute.DisputeState;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.user.AppUserRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legal clocks of cases, scenario by scenario, as a credit-office lawyer checks them: each date
 * below was counted by hand on the State Council's holiday notices for 2025 and 2026 (the "calendar"
 * folder), the reasoning beside it. "D + n" is the n-th working day after D (D itself not counted);
 * a limit ends at the end of that day.
 *
 * <p>Two profiles are in force here: national-2026 (令 36) for cases received before 2026-12-01, and
 * shandong (山东省社会信用条例 art. 39: disputes counted from receipt) from 2026-12-01 — a change of
 * rules that takes effect on a date, as a new law would.
 */
@EngineTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=clockScenarios",
    "credit.rules.profile=national-2026,shandong", "credit.rules.profiles.shandong.effective-from=2026-12-01",
    "credit.publication-end.cron=-"})
class LegalClockScenariosTest {

  static final String APPLICANT = "applicant.a";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired RepairService repairs;
  @Autowired DisputeService disputes;
  @Autowired InboxService inbox;
  @Autowired RecordService recordService;
  @Autowired DishonestyRecordRepository records;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;
  @Autowired Deadlines deadlines;

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  // --- filings just before the holidays ---------------------------------------------------------

  @Test
  void filedJustBeforeSpringFestival2026() {
    on(2026, 2, 12); // Thursday
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    // acceptance: 02-13 Fri (1), 02-14 Sat is a make-up working day (2), 02-15..02-23 Spring Festival off,
    // 02-24 Tue (3)
    assertThat(taskDue(request.getCaseRef(), "AcceptRequest")).isEqualTo(LocalDate.of(2026, 2, 24));
    // whole request, 10: ... 02-24 (3), 02-25 (4), 02-26 (5), 02-27 (6), 02-28 Sat make-up day (7),
    // 03-02 (8), 03-03 (9), 03-04 (10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(reload(request).getRuleProfile()).as("the first profile covers days before its date").isEqualTo("national-2026");
  }

  @Test
  void filedJustBeforeQingming2026() {
    on(2026, 4, 2); // Thursday
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    // 04-03 Fri (1), 04-04..04-06 Qingming off, 04-07 (2), 04-08 (3)
    assertThat(taskDue(request.getCaseRef(), "AcceptRequest")).isEqualTo(LocalDate.of(2026, 4, 8));
    // 04-09 (4), 04-10 (5), 04-13..04-17 (6..10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 4, 17));
  }

  @Test
  void filedJustBeforeLabourDay2026() {
    on(2026, 4, 29); // Wednesday
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    // 04-30 Thu (1), 05-01..05-05 Labour Day off, 05-06 (2), 05-07 (3)
    assertThat(taskDue(request.getCaseRef(), "AcceptRequest")).isEqualTo(LocalDate.of(2026, 5, 7));
    // 05-08 (4), 05-09 Sat make-up day (5), 05-11..05-15 (6..10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 5, 15));
  }

  @Test
  void filedJustBeforeNationalDay2026() {
    on(2026, 9, 29); // Tuesday
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    // 09-30 Wed (1), 10-01..10-07 National Day off, 10-08 (2), 10-09 (3)
    assertThat(taskDue(request.getCaseRef(), "AcceptRequest")).isEqualTo(LocalDate.of(2026, 10, 9));
    // 10-10 Sat make-up day (4), 10-12..10-16 (5..9), 10-19 Mon (10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 10, 19));
  }

  @Test
  void filedInLateDecemberIntoAYearNotYetPublished() {
    on(2026, 12, 28); // Monday; the 2027 notice is not loaded: its days are provisional
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    // 12-29 (1), 12-30 (2), 12-31 (3): still 2026, a published year
    assertThat(taskDue(request.getCaseRef(), "AcceptRequest")).isEqualTo(LocalDate.of(2026, 12, 31));
    // 12-29..12-31 (1..3), 2027-01-01 New Year's Day is off by law (放假办法 art. 2), 01-04..01-08 (4..8),
    // 01-11 (9), 01-12 (10) — not 01-11, as when only weekends were off
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2027, 1, 12));
    assertThat(reload(request).isDueProvisional()).as("a date in a provisional year says so").isTrue();

    on(2027, 2, 3); // Wednesday, accepted just before Spring Festival 2027
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    // 除夕 is 2027-02-05 (Fri): 02-05..02-08 off by law; 02-04 (1), 02-09..02-12 (2..5), 02-15 (6), 02-16 (7)
    assertThat(taskDue(request.getCaseRef(), "VerifyAndDecide")).isEqualTo(LocalDate.of(2027, 2, 16));
  }

  // --- what moves the whole request's limit ------------------------------------------------------

  @Test
  void aLateSignatureCountsTheWholeRequestFromTheSignature() {
    on(2026, 9, 21); // Monday
    RepairRequest request = repairs.file(APPLICANT, record(Severity.GENERAL, "ecology"), "已缴清罚款");
    // filed: 09-22..09-24 (1..3), 09-25 Mid-Autumn off, 09-28..09-30 (4..6), National Day, 10-08 (7), 10-09 (8),
    // 10-10 Sat make-up day (9), 10-12 (10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 10, 12));
    on(2026, 9, 23); // signed two days later: the request is complete only now (令 36 art. 14)
    sign(request);
    // 09-24 (1), 09-28..09-30 (2..4), 10-08 (5), 10-09 (6), 10-10 (7), 10-12 (8), 10-13 (9), 10-14 (10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 10, 14));
  }

  @Test
  void theSupplementTimeIsTheApplicantsAndMovesTheWholeRequest() {
    on(2026, 11, 2); // Monday
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    // 11-03..11-06 (1..4), 11-09..11-13 (5..9), 11-16 (10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 11, 16));
    on(2026, 11, 4);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology",
        Map.of("acceptOutcome", "supplement", "missingMaterials", "缴款凭证"));
    on(2026, 11, 9);
    inbox.complete(task(request.getCaseRef(), "ProvideSupplement").getId(), APPLICANT,
        Map.of("supplementAnswer", "已补交缴款凭证"));
    // the working days after the notice's day up to the answer were the applicant's: 11-05, 11-06, 11-09,
    // so the whole request moves by 3: 11-17 (1), 11-18 (2), 11-19 (3)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 11, 19));
    // acceptance starts again from the answer: 11-10, 11-11, 11-12
    assertThat(taskDue(request.getCaseRef(), "AcceptRequest")).isEqualTo(LocalDate.of(2026, 11, 12));
  }

  @Test
  void anApprovedExtensionMovesTheDecisionAndTheWholeRequest() {
    on(2026, 11, 2);
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    on(2026, 11, 3);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    // decision, 7 from acceptance: 11-04..11-06 (1..3), 11-09..11-12 (4..7)
    assertThat(taskDue(request.getCaseRef(), "VerifyAndDecide")).isEqualTo(LocalDate.of(2026, 11, 12));
    on(2026, 11, 5);
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology",
        Map.of("decision", "extend", "extensionReason", "需现场核查"));
    // the leader's 2 days: 11-06, 11-09 — inside the decision's limit, 11-12
    assertThat(taskDue(request.getCaseRef(), "ApproveExtension")).isEqualTo(LocalDate.of(2026, 11, 9));
    complete(request.getCaseRef(), "ApproveExtension", "leader.ecology", Map.of("extensionApproved", "true"));
    // 10 more from 11-12: 11-13 (1), 11-16..11-20 (2..6), 11-23..11-26 (7..10)
    assertThat(taskDue(request.getCaseRef(), "VerifyAndDecide")).isEqualTo(LocalDate.of(2026, 11, 26));
    // the whole request gets the same 10: from 11-16, 11-17..11-20 (1..4), 11-23..11-27 (5..9), 11-30 (10)
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void aSeriousGrantOnTheLastDayIsSignedOffThatSameDay() {
    on(2026, 9, 28); // Monday
    RepairRequest request = filedAndSigned(Severity.SERIOUS);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    // 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 Sat make-up day (5), 10-12 (6), 10-13 (7)
    assertThat(taskDue(request.getCaseRef(), "VerifyAndDecide")).isEqualTo(LocalDate.of(2026, 10, 13));
    on(2026, 10, 13);
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "grant"));
    // the sign-off's own 2 days would end 10-15: it has to fit inside the decision's 7 (domain §3)
    assertThat(taskDue(request.getCaseRef(), "LeaderSignOff")).isEqualTo(LocalDate.of(2026, 10, 13));
  }

  @Test
  void anExtensionAskedOnTheLastDayIsApprovedThatSameDay() {
    on(2026, 11, 2);
    RepairRequest request = filedAndSigned(Severity.GENERAL);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    // 11-03..11-06 (1..4), 11-09..11-11 (5..7)
    assertThat(taskDue(request.getCaseRef(), "VerifyAndDecide")).isEqualTo(LocalDate.of(2026, 11, 11));
    on(2026, 11, 11);
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology",
        Map.of("decision", "extend", "extensionReason", "需另一部门协查"));
    // the leader's own 2 days would end 11-13: the approval has to come before the decision's limit ends
    assertThat(taskDue(request.getCaseRef(), "ApproveExtension")).isEqualTo(LocalDate.of(2026, 11, 11));
  }

  // --- disputes: extension, national and Shandong, with and without assistance ---------------------

  @Test
  void aDisputeExtensionAskedInTimeIsGranted() {
    on(2026, 9, 28);
    Dispute dispute = disputeForwarded(record(Severity.GENERAL, "ecology"), "WRONG_CONTENT");
    // national: 7 from acceptance, the forwarding: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 10-13
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 10, 13));
    on(2026, 10, 12); // before the limit passes: the applicant is told in advance (art. 18)
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.ecology", Map.of("outcome", "extend", "reasons", "需调取原始档案"));
    // 10 more from 10-13: 10-14..10-16 (1..3), 10-19..10-23 (4..8), 10-26 (9), 10-27 (10)
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 10, 27));
    assertThat(taskDue(dispute.getCaseRef(), "VerifyDispute")).isEqualTo(LocalDate.of(2026, 10, 27));
  }

  @Test
  void aDisputeExtensionAskedAfterTheLimitIsRefused() {
    on(2026, 9, 28);
    Dispute dispute = disputeForwarded(record(Severity.GENERAL, "ecology"), "WRONG_CONTENT");
    on(2026, 10, 14); // the limit ended with 10-13
    ApiProblem late = catchThrowableOfType(ApiProblem.class, () -> complete(dispute.getCaseRef(), "VerifyDispute",
        "reviewer.ecology", Map.of("outcome", "extend", "reasons", "需调取原始档案")));
    assertThat(late.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(late.errors()).singleElement().asString().startsWith("outcome:");
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 10, 13));
  }

  @Test
  void aNationalDisputeCountsFromTheForwarding() {
    on(2026, 11, 2); // filed Monday
    Long record = record(Severity.GENERAL, "ecology");
    Dispute dispute = disputeFiled(record, "WRONG_CONTENT");
    on(2026, 11, 4); // forwarded Wednesday
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    // 7 from 11-04: 11-05, 11-06, 11-09..11-13
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 11, 13));
    assertThat(reload(dispute).getRuleProfile()).isEqualTo("national-2026");
  }

  @Test
  void aNationalDisputeWithAssistanceKeepsItsSevenDaysFromTheForwarding() {
    on(2026, 11, 2);
    Dispute dispute = disputeFiled(record(Severity.GENERAL, "safety"), "INCONSISTENT_WITH_SOURCE");
    on(2026, 11, 4);
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    on(2026, 11, 5);
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.safety",
        Map.of("outcome", "assist", "reasons", "需市场监管局核对", "assistDepartment", "market"));
    // national assisted limit is 7 too, from the same day: still 11-13
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 11, 13));
    assertThat(taskDue(dispute.getCaseRef(), "AssistVerification")).isEqualTo(LocalDate.of(2026, 11, 13));
  }

  @Test
  void aShandongDisputeCountsThreeDaysFromReceiptNotFromTheForwarding() {
    on(2026, 12, 1); // filed Tuesday, the first day of the Shandong profile here
    Dispute dispute = disputeFiled(record(Severity.GENERAL, "ecology"), "WRONG_CONTENT");
    assertThat(reload(dispute).getRuleProfile()).isEqualTo("shandong");
    // expected at filing: 3 from receipt: 12-02, 12-03, 12-04
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 12, 4));
    on(2026, 12, 3); // forwarded Thursday: from forwarding it would be 12-08, two working days late
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(taskDue(dispute.getCaseRef(), "VerifyDispute")).isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @Test
  void aShandongDisputeWithAssistanceHasSevenDaysFromReceipt() {
    on(2026, 12, 1);
    Dispute dispute = disputeFiled(record(Severity.GENERAL, "safety"), "INCONSISTENT_WITH_SOURCE");
    on(2026, 12, 3);
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.safety",
        Map.of("outcome", "assist", "reasons", "需市场监管局核对", "assistDepartment", "market"));
    // 7 from receipt 12-01: 12-02..12-04 (1..3), 12-07..12-10 (4..7)
    assertThat(reload(dispute).getDueDate()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(taskDue(dispute.getCaseRef(), "VerifyAssisted")).isEqualTo(LocalDate.of(2026, 12, 10));
  }

  // --- disputes against a refusal (令 36 art. 18) ----------------------------------------------

  @Test
  void aDisputeAgainstARefusalToAcceptReopensTheAcceptance() {
    on(2026, 11, 2);
    Long recordId = record(Severity.GENERAL, "ecology");
    RepairRequest request = repairs.file(APPLICANT, recordId, "已缴清罚款");
    sign(request);
    on(2026, 11, 3);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology",
        Map.of("acceptOutcome", "refuse", "refusalReasons", "不属于本部门认定"));
    assertThat(reload(request).getState()).isEqualTo(RepairState.NOT_ACCEPTED);

    on(2026, 11, 4);
    Dispute dispute = disputeForwarded(recordId, "REPAIR_NOT_ACCEPTED");
    assertThat(reload(dispute).getContestedCaseRef()).isEqualTo(request.getCaseRef());
    on(2026, 11, 5);
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.ecology", Map.of("outcome", "correct", "reasons", "属本部门认定，应予受理"));
    assertThat(reload(dispute).getOutcome()).isEqualTo(DisputeOutcome.REFUSAL_REVOKED);
    assertThat(reload(dispute).getState()).isEqualTo(DisputeState.REPLIED);
    // the request is accepted anew, with a fresh limit: 11-06 (1), 11-09 (2), 11-10 (3)
    assertThat(reload(request).getState()).isEqualTo(RepairState.UNDER_ACCEPTANCE);
    assertThat(reload(request).getLetterCode()).as("the revoked refusal's letter is no longer the case's").isNull();
    assertThat(taskDue(request.getCaseRef(), "AcceptRequest")).isEqualTo(LocalDate.of(2026, 11, 10));
    // and the whole request runs again from today: 11-06, 11-09..11-13, 11-16..11-19 → 11-19
    assertThat(wholeDue(request)).isEqualTo(LocalDate.of(2026, 11, 19));
    assertThat(recordState(recordId)).as("the disputed mark is gone").isEqualTo(PublicationState.PUBLISHED);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    assertThat(reload(request).getState()).isEqualTo(RepairState.UNDER_REVIEW);
  }

  @Test
  void aDisputeAgainstARefusalToRepairReopensTheDecision() {
    on(2026, 11, 2);
    Long recordId = record(Severity.GENERAL, "ecology");
    RepairRequest request = filedAndSigned(recordId);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    on(2026, 11, 3);
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology",
        Map.of("decision", "refuse", "decisionReasons", "整改不到位"));
    assertThat(reload(request).getState()).isEqualTo(RepairState.REFUSED);

    on(2026, 11, 4);
    Dispute dispute = disputeForwarded(recordId, "REPAIR_REFUSED");
    on(2026, 11, 5);
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.ecology", Map.of("outcome", "correct", "reasons", "整改材料已齐全"));
    // decided anew within 7 from today: 11-06 (1), 11-09..11-13 (2..6), 11-16 (7)
    assertThat(reload(request).getState()).isEqualTo(RepairState.UNDER_REVIEW);
    assertThat(taskDue(request.getCaseRef(), "VerifyAndDecide")).isEqualTo(LocalDate.of(2026, 11, 16));
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "grant"));
    assertThat(recordState(recordId)).isEqualTo(PublicationState.STOPPED);
    assertThat(reload(request).getLetterCode()).as("the new decision has its own letter").isNotNull();
  }

  @Test
  void aRefusalKeptAfterItsDisputeStays() {
    on(2026, 11, 2);
    Long recordId = record(Severity.GENERAL, "ecology");
    RepairRequest request = filedAndSigned(recordId);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology",
        Map.of("acceptOutcome", "refuse", "refusalReasons", "不属于本部门认定"));
    Dispute dispute = disputeForwarded(recordId, "REPAIR_NOT_ACCEPTED");
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.ecology", Map.of("outcome", "keep", "reasons", "原决定无误"));
    assertThat(reload(dispute).getOutcome()).isEqualTo(DisputeOutcome.KEPT);
    assertThat(reload(request).getState()).isEqualTo(RepairState.NOT_ACCEPTED);
  }

  @Test
  void aDisputeAgainstARefusalThatWasNeverMadeIsRefusedOnItsGround() {
    on(2026, 11, 2);
    Long recordId = record(Severity.GENERAL, "ecology");
    ApiProblem none = catchThrowableOfType(ApiProblem.class, () -> disputes.file(APPLICANT, recordId, "REPAIR_REFUSED",
        "修复申请被拒", null));
    assertThat(none.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(none.errors()).singleElement().asString().startsWith("ground:");
    assertThat(disputes.ofRecord(recordId)).isEmpty();
  }

  // --- a misclassified record corrected, and its new periods --------------------------------------

  @Test
  void aSeverityAndTypeCorrectionBringsTheNewPeriods() {
    on(2026, 11, 2);
    Long recordId = record(Severity.SERIOUS, RecordType.SERIOUS_DISHONESTY_LIST, "market", LocalDate.of(2026, 3, 10), null);
    // serious: 1 year to repair, 3 to publish, from the day after 03-10: repair from 2027-03-11, stops 2029-03-11
    assertThat(stored(recordId).getEarliestRepairDate()).isEqualTo(LocalDate.of(2027, 3, 11));
    assertThat(stored(recordId).getAutomaticEndDate()).isEqualTo(LocalDate.of(2029, 3, 11));
    Dispute dispute = disputeForwarded(recordId, "WRONG_PERIOD");
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.market", Map.of("outcome", "correct",
        "reasons", "罚款数额属一般失信，误列严重失信名单", "correctedSeverity", "GENERAL", "correctedType", "ADMINISTRATIVE_PENALTY"));
    DishonestyRecord corrected = stored(recordId);
    assertThat(corrected.getSeverity()).isEqualTo(Severity.GENERAL);
    assertThat(corrected.getType()).isEqualTo(RecordType.ADMINISTRATIVE_PENALTY);
    // general: 3 months to repair, 1 year to publish: repair from 2026-06-11, stops 2027-03-11
    assertThat(corrected.getEarliestRepairDate()).isEqualTo(LocalDate.of(2026, 6, 11));
    assertThat(corrected.getAutomaticEndDate()).isEqualTo(LocalDate.of(2027, 3, 11));
    assertThat(corrected.getHistory().get(corrected.getHistory().size() - 2).getChanges())
        .contains("severity: SERIOUS → GENERAL", "type: SERIOUS_DISHONESTY_LIST → ADMINISTRATIVE_PENALTY");
    assertThat(corrected.getState()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(repairs.eligibility(corrected).eligible()).as("repairable today under its new class").isTrue();
  }

  @Test
  void aRecordCorrectedToMinorIsNoLongerPublished() {
    on(2026, 11, 2);
    Long recordId = record(Severity.GENERAL, "market");
    Dispute dispute = disputeForwarded(recordId, "SHOULD_NOT_BE_PUBLISHED");
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.market", Map.of("outcome", "correct",
        "reasons", "适用简易程序的警告，属轻微失信", "correctedSeverity", "MINOR"));
    // minor records are in principle not published (令 36 art. 12), and none marked it necessary
    assertThat(recordState(recordId)).isEqualTo(PublicationState.NOT_PUBLISHED);
  }

  // --- materials: the profile's, enforced ---------------------------------------------------------

  @Test
  void aProfileThatAsksForMaterialsRefusesASeriousRepairWithoutThem() {
    on(2026, 11, 30); // national: art. 15 asks the proof and the commitment only
    RepairRequest national = repairs.file(APPLICANT, record(Severity.SERIOUS, "market"), "已履行");
    assertThat(reload(national).getRuleProfile()).isEqualTo("national-2026");

    on(2026, 12, 2); // shandong: serious records add a training certificate and a credit report
    Long recordId = record(Severity.SERIOUS, "market");
    ApiProblem without = catchThrowableOfType(ApiProblem.class, () -> repairs.file(APPLICANT, recordId, "已履行"));
    assertThat(without.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(without.errors()).extracting(Object::toString)
        .anyMatch(e -> e.startsWith("material-training-certificate:"))
        .anyMatch(e -> e.startsWith("material-credit-report:"));
    ApiProblem half = catchThrowableOfType(ApiProblem.class,
        () -> repairs.file(APPLICANT, recordId, "已履行", Set.of("credit-report")));
    assertThat(half.errors()).singleElement().asString().startsWith("material-training-certificate:");
    RepairRequest filed = repairs.file(APPLICANT, recordId, "已履行", Set.of("training-certificate", "credit-report"));
    assertThat(reload(filed).getRuleProfile()).isEqualTo("shandong");
    // a general record asks nothing more under either profile
    assertThat(repairs.file(APPLICANT, record(Severity.GENERAL, "market"), "已履行").getId()).isNotNull();
  }

  // --- periods counted from the day after (民法典 arts. 200-203) ------------------------------------

  @Test
  void monthsRunFromTheDayAfterTheDecision() {
    on(2026, 11, 2);
    Long recordId = record(Severity.GENERAL, RecordType.ADMINISTRATIVE_PENALTY, "ecology", LocalDate.of(2026, 1, 20), null);
    // 3 months from 01-21 end with 04-20: repair from 04-21; 1 year ends 2027-01-20: stops 2027-01-21
    assertThat(stored(recordId).getEarliestRepairDate()).isEqualTo(LocalDate.of(2026, 4, 21));
    assertThat(stored(recordId).getLastDayOfPublication()).isEqualTo(LocalDate.of(2027, 1, 20));
  }

  @Test
  void yearsRunFromTheDayAfterTheDecisionAcrossALeapDay() {
    on(2026, 11, 2);
    Long recordId = record(Severity.SERIOUS, RecordType.ADMINISTRATIVE_PENALTY, "ecology", LocalDate.of(2024, 2, 29), null);
    // 1 year from 2024-03-01 ends 2025-02-28 (no 02-29): repair from 2025-03-01; 3 years: stops 2027-03-01
    assertThat(stored(recordId).getEarliestRepairDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(stored(recordId).getAutomaticEndDate()).isEqualTo(LocalDate.of(2027, 3, 1));
  }

  @Test
  void aPenaltyWithATermIsRepairableTheDayAfterItEnds() {
    on(2026, 11, 2);
    Long recordId = record(Severity.GENERAL, RecordType.ADMINISTRATIVE_PENALTY, "ecology", LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 8, 31));
    // the 3 months would allow 06-02; the term ends 08-31, so repair from 09-01
    assertThat(stored(recordId).getEarliestRepairDate()).isEqualTo(LocalDate.of(2026, 9, 1));
  }

  // --- helpers --------------------------------------------------------------------------------------

  /** 10:00 in the credit office's zone. */
  private static void on(int year, int month, int day) {
    EngineTime.set(LocalDate.of(year, month, day).atTime(10, 0).atZone(SHANGHAI).toInstant());
  }

  private RepairRequest filedAndSigned(Severity severity) {
    return filedAndSigned(record(severity, "ecology"));
  }

  private RepairRequest filedAndSigned(Long recordId) {
    RepairRequest request = repairs.file(APPLICANT, recordId, "已履行全部法定义务");
    sign(request);
    return request;
  }

  private void sign(RepairRequest request) {
    repairs.sign(request.getId(), APPLICANT, "王明德", true);
  }

  private Dispute disputeFiled(Long recordId, String ground) {
    Dispute dispute = disputes.file(APPLICANT, recordId, ground, "与处罚决定书不一致", "处罚决定书复印件");
    disputes.sign(dispute.getId(), APPLICANT, "王明德", true);
    return dispute;
  }

  private Dispute disputeForwarded(Long recordId, String ground) {
    Dispute dispute = disputeFiled(recordId, ground);
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    return dispute;
  }

  /** A record old enough to be repaired today: general 200 days, serious 400 days before today. */
  private Long record(Severity severity, String department) {
    LocalDate today = deadlines.dayOf(deadlines.now());
    return record(severity, RecordType.ADMINISTRATIVE_PENALTY, department,
        today.minusDays(severity == Severity.SERIOUS ? 400 : 200), null);
  }

  private Long record(Severity severity, RecordType type, String department, LocalDate decided, LocalDate termEnd) {
    return tx.execute(s -> {
      var entity = users.findById(APPLICANT).orElseThrow().getEntity();
      RecordFacts facts = new RecordFacts(entity, departments.getReferenceById(department), type, severity,
          "时限〔" + System.nanoTime() + "〕号", "测试处罚", "罚款", decided, termEnd, Set.of());
      return recordService.publish(severity == Severity.MINOR ? facts.necessaryToPublish("测试") : facts, "test").getId();
    });
  }

  private void complete(String caseRef, String taskKey, String user, Map<String, Object> values) {
    inbox.complete(task(caseRef, taskKey).getId(), user, values);
  }

  private Task task(String caseRef, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open step " + taskKey + " of " + caseRef).hasSize(1);
    return tasks.get(0);
  }

  private LocalDate taskDue(String caseRef, String taskKey) {
    return deadlines.dayOf(task(caseRef, taskKey).getDueDate());
  }

  private LocalDate wholeDue(RepairRequest request) {
    return reload(request).getDueDate();
  }

  private RepairRequest reload(RepairRequest request) {
    return repairs.get(request.getId(), "admin");
  }

  private Dispute reload(Dispute dispute) {
    return disputes.get(dispute.getId(), "admin");
  }

  private DishonestyRecord stored(Long id) {
    return tx.execute(s -> {
      DishonestyRecord record = records.findById(id).orElseThrow();
      record.getHistory().size();
      return record;
    });
  }

  private PublicationState recordState(Long id) {
    return stored(id).getState();
  }
}
