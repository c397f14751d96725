package cn.credit.workflow.dispute;

import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseSummary;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.casefile.CaseGuests;
import cn.credit.workflow.casefile.CaseViewers;
import cn.credit.workflow.commitment.Commitment;
import cn.credit.workflow.commitment.CommitmentPurpose;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.commitment.CommitmentTemplate;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.deadline.TimeLimits;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.OneOf;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files disputes and answers for them: who may file, see and sign. The steps of the process itself
 * are in {@link DisputeSteps}.
 */
@Service
public class DisputeService {

  public static final String PROCESS_KEY = CaseKind.DISPUTE.processKey();
  static final int MAX_TEXT = 4000;

  /** A dispute as filed: which record, on what ground, what is wrong and the proof (also the API's body). */
  public record Filing(@NotNull(message = "{dispute.recordId.required}") Long recordId,
      @OneOf(value = DisputeGround.class, message = "{dispute.ground.unknown}", missing = "{dispute.ground.required}")
      String ground,
      @NotBlank(message = "{dispute.facts.required}") @Size(max = MAX_TEXT, message = "{dispute.facts.required}")
      String facts,
      @Size(max = MAX_TEXT, message = "{valid.atMost}") String proof) {}

  private final Validity validity;
  private final DisputeRepository disputes;
  private final RecordService records;
  private final Users users;
  private final CommitmentService commitments;
  private final WorkingDayCalendar calendar;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final TimeLimits limits;
  private final Departments departments;
  private final Clock clock;
  /** Every kind's cases, for the refusal a dispute contests; a provider, as the kinds' sources use this service. */
  private final ObjectProvider<Cases> cases;

  private final CaseGuests guests;

  DisputeService(CaseGuests guests, DisputeRepository disputes, RecordService records, Users users,
      CommitmentService commitments, WorkingDayCalendar calendar, CaseProcesses processes,
      CaseEvents caseEvents, TimeLimits limits, Departments departments, Validity validity, Clock clock, ObjectProvider<Cases> cases) {
    this.guests = guests;
    this.cases = cases;
    this.validity = validity;
    this.limits = limits;
    this.departments = departments;
    this.disputes = disputes;
    this.records = records;
    this.users = users;
    this.commitments = commitments;
    this.calendar = calendar;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.clock = clock;
  }

  /**
   * Files a dispute: the record is marked as disputed on the public page at once, and the case
   * starts with the dispute commitment to sign. Refused with every reason, leaving nothing behind.
   */
  @Transactional
  public Dispute file(String username, Long recordId, String groundName, String facts, String proof) {
    AppUser applicant = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!applicant.hasRole(Role.APPLICANT) || applicant.getEntity() == null) {
      throw ApiProblem.forbidden("dispute.applicantsOnly");
    }
    validity.check(new Filing(recordId, groundName, facts, proof), "dispute.notComplete");
    DisputeGround ground = DisputeGround.valueOf(groundName.strip());
    DishonestyRecord record = records.findById(recordId)
        .orElseThrow(() -> ApiProblem.notFound("record.none", recordId));
    if (!Objects.equals(record.getEntity().getId(), applicant.getEntity().getId())) {
      throw ApiProblem.notFound("record.none", recordId); // not yours: as if there were none
    }
    if (disputes.existsByRecordIdAndStateIn(recordId, DisputeState.OPEN)) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("recordId", "dispute.open")), "dispute.notNow", recordId);
    }
    // a refusal to accept or to repair is disputed like a record (令 36 art. 18): the latest such decision
    String contested = null;
    if (ground.contestedRepairState() != null) {
      contested = cases.getObject().aboutRecord(recordId, null).stream()
          .filter(c -> c.kind() == CaseKind.REPAIR && ground.contestedRepairState().equals(c.state()))
          .max(java.util.Comparator.comparing(CaseSummary::id)).map(CaseSummary::caseRef)
          .orElseThrow(() -> ApiProblem.unprocessable(List.of(FieldProblem.of("ground", "dispute.ground.noRefusal",
              Text.of("dispute.ground." + ground))), "dispute.notNow", recordId));
    }
    if (record.getState() != PublicationState.PUBLISHED) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("recordId", "dispute.notPublished", record.getState())),
          "dispute.notNow", recordId);
    }
    CommitmentTemplate template = commitments.templateFor(CommitmentPurpose.DISPUTE, record.getSeverity(),
        record.getDepartment().getCode());
    Dispute dispute = disputes.saveAndFlush(new Dispute("P-" + UUID.randomUUID().toString().substring(0, 24), record,
        username, ground, facts.strip(), proof == null || proof.isBlank() ? null : proof.strip(), template.getId(),
        clock.instant()));
    dispute.assignCaseRef(CaseKind.DISPUTE.reference(calendar.today().getYear(), dispute.getId()));
    dispute.contests(contested);
    RuleProfile profile = limits.inForceOn(calendar.today()); // the case keeps the rules of its day of receipt
    dispute.ruledBy(profile.name());
    // until it is forwarded, the reply is expected after the verification limit, counted from receipt
    // (Shandong art. 39) or after the forwarding limit (national art. 18: from acceptance)
    int days = profile.workingDays(Step.DISPUTE_VERIFY)
        + (profile.disputeVerifyFrom() == RuleProfile.ClockStart.RECEIPT ? 0 : profile.workingDays(Step.DISPUTE_FORWARD));
    var expected = calendar.plusWorkingDays(calendar.today(), days);
    dispute.due(expected.date(), expected.provisional());
    record.changeState(PublicationState.DISPUTED, username, "record.reason.disputeFiled", null, dispute.getCaseRef(),
        clock.instant());

    Map<String, Object> variables = new HashMap<>();
    variables.put("caseRef", dispute.getCaseRef());
    variables.put("disputeId", dispute.getId());
    variables.put("applicant", username);
    variables.put(Deadlines.PROFILE_VARIABLE, profile.name());
    variables.put("departmentCode", dispute.getDepartmentCode());
    variables.put("creditOffice", departments.findFirstByKind(DepartmentKind.CREDIT_OFFICE)
        .orElseThrow(() -> new IllegalStateException("no department of kind CREDIT_OFFICE to triage disputes"))
        .getCode());
    variables.put("extensionUsed", false);
    dispute.started(processes.start(PROCESS_KEY, dispute.getCaseRef(), variables));
    caseEvents.record(dispute.getCaseRef(), username, "FILED",
        Text.of("timeline.filed.dispute", Text.of("dispute.ground." + ground), record.getDecisionNumber()));
    return dispute;
  }

  /** The applicant of the dispute's entity, the departments concerned, the credit office and leaders may see it. */
  @Transactional(readOnly = true)
  public Dispute get(Long id, String username) {
    Dispute dispute = disputes.findById(id).orElseThrow(() -> ApiProblem.notFound("dispute.none", id));
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!CaseViewers.mayView(user, dispute) && !guests.invited(dispute.getCaseRef(), username)) {
      throw ApiProblem.notFound("dispute.none", id); // not yours: as if there were none
    }
    return dispute;
  }

  @Transactional(readOnly = true)
  public String commitmentText(Dispute dispute) {
    return commitments.textOf(dispute);
  }

  @Transactional
  public Commitment sign(Long id, String username, String signatoryName, Boolean accepted) {
    Dispute dispute = get(id, username);
    return commitments.signAndContinue(dispute, dispute.getState(), username, signatoryName, accepted);
  }

  @Transactional
  Commitment recordSignature(String caseRef, String username, String signatoryName, Boolean accepted) {
    Dispute dispute = disputes.findByCaseRef(caseRef).orElseThrow(() -> ApiProblem.notFound("case.none", caseRef));
    return commitments.signFor(dispute, username, signatoryName, accepted);
  }

  /** Whether the corrected values in a verification form differ from the record as it stands. */
  @Transactional(readOnly = true)
  boolean wouldChange(Long disputeId, Map<String, Object> values) {
    DishonestyRecord record = disputes.findById(disputeId).orElseThrow().getRecord();
    return differs(values.get("correctedTitle"), record.getTitle())
        || differs(values.get("correctedContent"), record.getContent())
        || differs(values.get("correctedDecisionDate"), String.valueOf(record.getDecisionDate()))
        || differs(values.get("correctedTermEndDate"), String.valueOf(record.getTermEndDate()))
        || differs(values.get("correctedSeverity"), record.getSeverity().name())
        || differs(values.get("correctedType"), record.getType().name());
  }

  private static boolean differs(Object corrected, String current) {
    return corrected != null && !corrected.toString().isBlank() && !corrected.toString().strip().equals(current);
  }

  /** Whether the dispute contests a refusal to accept or to repair rather than the record. */
  @Transactional(readOnly = true)
  boolean contestsARefusal(Long disputeId) {
    return disputes.findById(disputeId).orElseThrow().getContestedCaseRef() != null;
  }

  @Transactional(readOnly = true)
  public List<Dispute> ofRecord(Long recordId) {
    return disputes.findByRecordIdOrderByReceivedAt(recordId);
  }

  @Transactional(readOnly = true)
  public List<Dispute> ofEntity(Long entityId) {
    return disputes.findByEntityIdOrderByReceivedAtDesc(entityId);
  }

  @Transactional(readOnly = true)
  public List<Dispute> mine(String username) {
    return disputes.findByApplicantOrderByReceivedAtDesc(username);
  }

  @Transactional(readOnly = true)
  public Optional<Dispute> byCaseRef(String caseRef) {
    return disputes.findByCaseRef(caseRef);
  }

}
