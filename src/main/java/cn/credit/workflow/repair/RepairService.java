package cn.credit.workflow.repair;

import cn.credit.workflow.calendar.CalendarSnapshot.CalendarDate;
import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseGuests;
import cn.credit.workflow.casefile.CaseViewers;
import cn.credit.workflow.commitment.Commitment;
import cn.credit.workflow.commitment.CommitmentPurpose;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.commitment.CommitmentTemplate;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.TimeLimits;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PublicationPeriods;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit repair case: filing (eligibility first, nothing started when refused), signing, the
 * steps the process calls back for, withdrawal and breach. The process itself is
 * {@code processes/credit-repair.bpmn}; engine details stay in here and in {@link RepairSteps}.
 */
@Service
public class RepairService {

  public static final String PROCESS_KEY = CaseKind.REPAIR.processKey();
  static final String WITHDRAW_MESSAGE = "repairWithdrawn";

  /** A repair request as filed: which record, and how the conduct was corrected. */
  public record Filing(@NotNull(message = "{repair.recordId.required}") Long recordId,
      @NotBlank(message = "{repair.proof.required}") @Size(max = 4000, message = "{repair.proof.required}") String proof) {}

  /** A department's report of a broken commitment (also the API's body). */
  public record BreachReport(
      @NotBlank(message = "{repair.breach.reason}") @Size(max = 2000, message = "{repair.breach.reason}") String reason) {}

  private final Validity validity;
  /** How long a broken commitment bars a repair of the original record (令 36 art. 25). */
  private final Period repairBarAfterBreach;
  private final RepairRequestRepository requests;
  private final Users users;
  private final RepairRules rules;
  private final CommitmentService commitments;
  private final WorkingDayCalendar calendar;
  private final TimeLimits limits;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicantNotifier;
  private final RecordService recordService;
  private final WholeRequestDue wholeRequest;
  private final Clock clock;

  private final CaseGuests guests;

  RepairService(CaseGuests guests, RepairRequestRepository requests, Users users,
      RepairRules rules, CommitmentService commitments, WorkingDayCalendar calendar, TimeLimits limits,
      CaseProcesses processes, CaseEvents caseEvents, ApplicantNotifier applicantNotifier,
      RecordService recordService, WholeRequestDue wholeRequest, Validity validity, Clock clock,
      @Value("${credit.rules.broken-commitment.repair-bar}") Period repairBarAfterBreach) {
    this.guests = guests;
    this.repairBarAfterBreach = repairBarAfterBreach;
    this.validity = validity;
    this.requests = requests;
    this.users = users;
    this.rules = rules;
    this.commitments = commitments;
    this.calendar = calendar;
    this.limits = limits;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.applicantNotifier = applicantNotifier;
    this.recordService = recordService;
    this.wholeRequest = wholeRequest;
    this.clock = clock;
  }

  /**
   * What the decision table says about repairing this kind of record. Not read-only: the engine
   * writes the evaluation to its history (MySQL refuses writes in a read-only transaction).
   */
  @Transactional
  public RepairRequirement requirementFor(DishonestyRecord record) {
    return rules.of(record.getSeverity(), record.getType(), limits.inForceOn(calendar.today()));
  }

  /** Whether the record may be repaired today; if not, every reason and the first day it may be. */
  @Transactional
  public RepairEligibility.Result eligibility(DishonestyRecord record) {
    return eligibility(record, requirementFor(record));
  }

  /** The same, with the decision table's answer for the record's kind already at hand. */
  @Transactional(readOnly = true)
  public RepairEligibility.Result eligibility(DishonestyRecord record, RepairRequirement requirement) {
    return RepairEligibility.check(record, calendar.today(),
        requests.existsByRecordIdAndStateIn(record.getId(), RepairState.OPEN), requirement);
  }

  /** The entity's repair requests, newest first. */
  @Transactional(readOnly = true)
  public List<RepairRequest> ofEntity(Long entityId) {
    return requests.findByEntityIdOrderByReceivedAtDesc(entityId);
  }

  /**
   * Files a request: refused with every reason (and the earliest date) when the record is not
   * eligible, and then nothing is stored or started.
   */
  @Transactional
  public RepairRequest file(String username, Long recordId, String proof) {
    return file(username, recordId, proof, Set.of());
  }

  /**
   * The same, with the codes of the extra materials whose files come with the request: every material
   * the rule profile asks for must be among them.
   */
  @Transactional
  public RepairRequest file(String username, Long recordId, String proof, Set<String> materialsGiven) {
    AppUser applicant = applicant(username);
    Filing filing = new Filing(recordId, proof);
    if (recordId == null) {
      validity.check(filing, "repair.notComplete"); // no record to look for
    }
    DishonestyRecord record = recordService.findById(recordId)
        .orElseThrow(() -> ApiProblem.notFound("record.none", recordId));
    if (!Objects.equals(record.getEntity().getId(), applicant.getEntity().getId())) {
      throw ApiProblem.notFound("record.none", recordId); // not yours: as if there were none
    }
    validity.check(filing, "repair.notComplete"); // only now: another entity's record is not found, whatever the body
    LocalDate today = calendar.today();
    RuleProfile profile = limits.inForceOn(today); // the case keeps the rules of its day of receipt
    RepairRequirement requirement = rules.of(record.getSeverity(), record.getType(), profile);
    boolean open = requests.existsByRecordIdAndStateIn(recordId, RepairState.OPEN);
    RepairEligibility.Result eligibility = RepairEligibility.check(record, today, open, requirement);
    if (!eligibility.eligible()) {
      Map<String, Object> details = new HashMap<>();
      if (eligibility.earliestRepairDate() != null) {
        details.put("earliestRepairDate", eligibility.earliestRepairDate());
      }
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of("repair.notNow", recordId),
          eligibility.reasons().stream().map(reason -> new FieldProblem("", reason)).toList(), details);
    }
    List<FieldProblem> missing = requirement.extraMaterials().stream().filter(code -> !materialsGiven.contains(code))
        .map(code -> FieldProblem.of(AttachmentService.materialField(code), "repair.material.missing",
            Text.of("material." + code))).toList();
    if (!missing.isEmpty()) {
      throw ApiProblem.unprocessable(missing, "repair.notComplete");
    }
    CommitmentTemplate template = commitments.templateFor(CommitmentPurpose.REPAIR, record.getSeverity(), record.getDepartment().getCode());
    CalendarDate due = calendar.plusWorkingDays(today, profile.workingDays(Step.WHOLE_REQUEST));
    RepairRequest request = requests.saveAndFlush(new RepairRequest("P-" + UUID.randomUUID().toString().substring(0, 24),
        record, username, proof.strip(), template.getId(), clock.instant(), due.date(), due.provisional()));
    request.assignCaseRef(CaseKind.REPAIR.reference(today.getYear(), request.getId()));
    request.ruledBy(profile.name());

    request.started(processes.start(PROCESS_KEY, request.getCaseRef(), variablesOf(request, profile, requirement)));
    caseEvents.record(request.getCaseRef(), username, "FILED", requirement.extraMaterials().isEmpty()
        ? Text.of("timeline.filed.repair", record.getDecisionNumber())
        : Text.of("timeline.filed.repairWithMaterials", record.getDecisionNumber(), requirement.extraMaterials()));
    return request;
  }

  /** What the model of a request works with: its case, applicant, department, rules and what it has used. */
  static Map<String, Object> variablesOf(RepairRequest request, RuleProfile profile, RepairRequirement requirement) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseRef", request.getCaseRef());
    variables.put("requestId", request.getId());
    variables.put("applicant", request.getApplicant());
    variables.put(Deadlines.PROFILE_VARIABLE, profile.name());
    variables.put("departmentCode", request.getDepartmentCode());
    variables.put("leaderSignOff", requirement.leaderSignOff());
    variables.put("supplementUsed", request.getSupplementNotice() != null);
    variables.put("extensionUsed", request.getExtensionReason() != null);
    return variables;
  }

  @Transactional(readOnly = true)
  public RepairRequest get(Long id, String username) {
    RepairRequest request = requests.findById(id).orElseThrow(() -> ApiProblem.notFound("repair.none", id));
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!CaseViewers.mayView(user, request) && !guests.invited(request.getCaseRef(), username)) {
      throw ApiProblem.notFound("repair.none", id); // not yours: as if there were none
    }
    return request;
  }

  /** The exact commitment text the applicant will sign: the template version pinned when filing. */
  @Transactional(readOnly = true)
  public String commitmentText(RepairRequest request) {
    return commitments.textOf(request);
  }

  /** Signs the commitment and completes the signing task; {@code accepted} must be true. */
  @Transactional
  public Commitment sign(Long id, String username, String signatoryName, Boolean accepted) {
    RepairRequest request = get(id, username);
    return commitments.signAndContinue(request, request.getState(), username, signatoryName, accepted);
  }

  /** The signature given on the signing step's form (the task list completes the step). */
  @Transactional
  Commitment recordSignature(String caseRef, String username, String signatoryName, Boolean accepted) {
    RepairRequest request = requests.findByCaseRef(caseRef).orElseThrow(() -> ApiProblem.notFound("case.none", caseRef));
    return commitments.signFor(request, username, signatoryName, accepted);
  }

  /** The applicant answers the one supplement notice. */
  @Transactional
  void recordSupplement(String caseRef, String username, String answer) {
    RepairRequest request = requests.findByCaseRef(caseRef).orElseThrow();
    request.supplementAnswered(answer);
    // the notice's day, from the case's own history: the days since were the applicant's, not the office's
    LocalDate noticeDay = caseEvents.of(caseRef).stream().filter(e -> "SUPPLEMENT_REQUESTED".equals(e.getType()))
        .map(e -> e.getOccurredAt().atZone(clock.getZone()).toLocalDate()).reduce((first, last) -> last).orElse(null);
    if (noticeDay != null && wholeRequest.resumeAfterSupplement(request, noticeDay)) {
      applicantNotifier.tell(request, ApplicantUpdate.EXTENDED, "supplement",
          Text.of("update.repair.dueAfterSupplement", request.dueDay()));
    }
    caseEvents.record(caseRef, username, "SUPPLEMENT_PROVIDED", answer);
  }

  /** The applicant withdraws before the decision; everything of the case stops. */
  @Transactional
  public RepairRequest withdraw(Long id, String username) {
    RepairRequest request = get(id, username);
    if (!username.equals(request.getApplicant())) {
      throw ApiProblem.notFound("repair.none", id);
    }
    if (!request.getState().isOpen()) {
      throw ApiProblem.conflict("repair.withdraw.closed", request.getCaseRef(), request.getState());
    }
    processes.message(request.getCaseRef(), WITHDRAW_MESSAGE, username);
    return request;
  }

  /**
   * A department reports that the applicant lied or broke its commitment (令 36 art. 25): the
   * repair is revoked where it was granted, a new record is published for 3 years without early
   * repair, and the original record may not be repaired for 3 years.
   */
  @Transactional
  public DishonestyRecord reportBreach(Long id, String username, String reason) {
    RepairRequest request = requests.findById(id).orElseThrow(() -> ApiProblem.notFound("repair.none", id));
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (user.getDepartment() == null || !user.getDepartment().getCode().equals(request.getDepartmentCode())
        || !(user.hasRole(Role.REVIEWER) || user.hasRole(Role.LEADER))) {
      throw ApiProblem.notFound("repair.none", id); // only the deciding department knows it here
    }
    validity.check(new BreachReport(reason), "repair.breach.notComplete");
    if (commitments.ofCase(request.getCaseRef()).isEmpty()) {
      throw ApiProblem.conflict("repair.breach.noCommitment", request.getCaseRef());
    }
    if (request.getState() == RepairState.REVOKED) {
      throw ApiProblem.conflict("repair.breach.revokedAlready", request.getCaseRef());
    }
    DishonestyRecord original = request.getRecord();
    LocalDate today = calendar.today();
    if (request.getState().isOpen() && request.getProcessInstanceId() != null) {
      processes.end(request.getProcessInstanceId(), "broken commitment reported");
    }
    if (original.getState() == PublicationState.STOPPED) {
      original.changeState(PublicationState.PUBLISHED, username, "record.reason.repairRevoked", reason,
          request.getCaseRef(), clock.instant());
    }
    // "三年内不得申请修复", counted from the day after the breach like every period (民法典 art. 201)
    original.barRepairUntil(PublicationPeriods.firstDayAfter(today, repairBarAfterBreach), username, reason,
        request.getCaseRef(), clock.instant());
    request.decided(RepairState.REVOKED, reason, request.getLetterCode(), request.getDecidedAt());
    DishonestyRecord breach = recordService.publish(new RecordFacts(original.getEntity(), original.getDepartment(),
        RecordType.BROKEN_COMMITMENT, Severity.SERIOUS, request.getCaseRef() + "-违诺",
        "违背信用修复承诺", reason, today, PublicationPeriods.lastDayOf(today, repairBarAfterBreach),
        Set.copyOf(original.getJointPunishmentMembers())),
        username);
    caseEvents.record(request.getCaseRef(), username, "BREACH_REPORTED", reason);
    applicantNotifier.tell(request, ApplicantUpdate.DECIDED, "revoked", Text.of("update.repair.revoked", reason));
    return breach;
  }

  private AppUser applicant(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!user.hasRole(Role.APPLICANT) || user.getEntity() == null) {
      throw ApiProblem.forbidden("repair.applicantsOnly");
    }
    return user;
  }
}
