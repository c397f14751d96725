package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseTexts;
import cn.credit.workflow.casefile.RefusalRevoked;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.letter.LetterCodes;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordCorrection;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.RecordWithdrawn;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the dispute process: each moves the dispute and the record, writes the
 * case history and tells the applicant, in the transaction of the step.
 */
@Component("disputeSteps")
public class DisputeSteps {

  private final DisputeRepository disputes;
  private final RecordService recordService;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Deadlines deadlines;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DisputeSteps(DisputeRepository disputes, RecordService recordService, CaseEvents caseEvents,
      ApplicantNotifier applicant, Deadlines deadlines, ApplicationEventPublisher events, Clock clock) {
    this.disputes = disputes;
    this.recordService = recordService;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.deadlines = deadlines;
    this.events = events;
    this.clock = clock;
  }

  public void register(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    dispute.moveTo(DisputeState.TRIAGE);
    caseEvents.record(dispute.getCaseRef(), "system", "REGISTERED", Text.of("timeline.registered"));
    applicant.tell(dispute, ApplicantUpdate.RECEIVED, Text.of("update.dispute.registered"));
  }

  public void lapse(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    unmark(dispute, "system", "record.reason.disputeLapsed", null);
    dispute.ended(DisputeState.LAPSED, "commitment-not-signed", null, clock.instant());
    caseEvents.record(dispute.getCaseRef(), "system", "LAPSED", Text.of("timeline.lapsed.commitment-not-signed"));
    applicant.tell(dispute, ApplicantUpdate.LAPSED, Text.of("update.dispute.lapsed"));
  }

  public void reject(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    String reasons = (String) execution.getVariable("rejectionReasons");
    String actor = actor(execution);
    unmark(dispute, actor, "record.reason.disputeRejected", reasons);
    dispute.ended(DisputeState.REJECTED, reasons, LetterCodes.next(), clock.instant());
    caseEvents.record(dispute.getCaseRef(), actor, "REJECTED", reasons);
    applicant.tell(dispute, ApplicantUpdate.REFUSED, Text.of("update.dispute.rejected", reasons, dispute.getLetterCode()));
  }

  /**
   * Forwarded to the providing department. Its verification limit counts from the day the profile
   * says: national (令 36 art. 18) from the acceptance, today; Shandong (条例 art. 39) from the
   * receipt of the dispute, the day it was filed.
   */
  public void forward(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    dispute.moveTo(DisputeState.UNDER_VERIFICATION);
    if (execution.getVariable("verifyDue") != null) {
      // forwarded again after the department returned it (ADR 0008): its limit keeps running from the
      // first forwarding, so a return buys no time; the applicant was told the date already
      return;
    }
    RuleProfile profile = deadlines.profileOf(execution);
    LocalDate start = verificationStart(dispute, profile);
    Date due = deadlines.dueFrom(start, profile, Step.DISPUTE_VERIFY);
    execution.setVariable("forwardedOn", deadlines.dayOf(deadlines.now()).toString());
    execution.setVariable("verifyFrom", start.toString());
    setDue(execution, dispute, due);
    Text department = CaseTexts.department(dispute.getRecord().getDepartment());
    caseEvents.record(dispute.getCaseRef(), actor(execution), "FORWARDED",
        Text.of("timeline.forwarded", department, deadlines.shown(due)));
    applicant.tell(dispute, ApplicantUpdate.FORWARDED, Text.of("update.dispute.forwarded", department, deadlines.shown(due)));
  }

  /** The one extension, told to the applicant before the original limit passes. */
  public void extend(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    Date due = deadlines.extended(deadlines.profileOf(execution), (Date) execution.getVariable("verifyDue"));
    String reason = (String) execution.getVariable("reasons");
    setDue(execution, dispute, due);
    execution.setVariable("extensionUsed", true);
    dispute.extended(reason);
    caseEvents.record(dispute.getCaseRef(), actor(execution), "EXTENDED", CaseTexts.extended(deadlines.dayOf(due), reason));
    applicant.tell(dispute, ApplicantUpdate.EXTENDED, Text.of("update.dispute.extended", deadlines.shown(due), reason));
  }

  /** Another department must help: the assisted limit (Shandong: 7 instead of 3) counts from the same day as the verification's. */
  public void askAssistance(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    String helper = (String) execution.getVariable("assistDepartment");
    dispute.assistedBy(helper);
    Date current = (Date) execution.getVariable("verifyDue");
    Object from = execution.getVariable("verifyFrom"); // cases forwarded before it was kept counted from forwarding
    Date assisted = deadlines.dueFrom(LocalDate.parse((String) (from != null ? from : execution.getVariable("forwardedOn"))),
        deadlines.profileOf(execution), Step.DISPUTE_VERIFY_ASSISTED);
    if (assisted.after(current)) {
      setDue(execution, dispute, assisted);
      applicant.tell(dispute, ApplicantUpdate.EXTENDED, Text.of("update.dispute.assisted", deadlines.shown(assisted)));
    }
    caseEvents.record(dispute.getCaseRef(), actor(execution), "ASSISTANCE_REQUESTED",
        Text.of("timeline.assistanceRequested", helper, execution.getVariable("reasons")));
  }

  public void recordAssistance(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    caseEvents.record(dispute.getCaseRef(), actor(execution), "ASSISTANCE_GIVEN",
        String.valueOf(execution.getVariable("assistFindings")));
  }

  /**
   * Upheld: the record is corrected; or, for a dispute against a refusal, the refusal is revoked and
   * the repair request is handled again from the step the refusal ended (the repair case does that).
   */
  public void correct(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    String reasons = (String) execution.getVariable("reasons");
    if (dispute.getContestedCaseRef() != null) {
      dispute.decided(DisputeOutcome.REFUSAL_REVOKED, reasons, null);
      caseEvents.record(dispute.getCaseRef(), actor(execution), "REFUSAL_REVOKED",
          Text.of("timeline.refusalRevoked", dispute.getContestedCaseRef()));
      events.publishEvent(new RefusalRevoked(dispute.getContestedCaseRef(), dispute.getCaseRef(), actor(execution)));
      return;
    }
    DishonestyRecord record = recordService.correct(dispute.getRecord().getId(), correctionOf(execution),
        actor(execution), reasons, dispute.getCaseRef());
    String changes = record.getHistory().get(record.getHistory().size() - 1).getChanges();
    dispute.decided(DisputeOutcome.CORRECTED, reasons, changes);
    caseEvents.record(dispute.getCaseRef(), actor(execution), "CORRECTED", changes);
  }

  /** The record is withdrawn from publication; an open repair request about it ends with it. */
  public void cancel(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    String reasons = (String) execution.getVariable("reasons");
    String actor = actor(execution);
    dispute.decided(DisputeOutcome.CANCELLED, reasons, null);
    caseEvents.record(dispute.getCaseRef(), actor, "CANCELLED", reasons);
    // withdrawn meanwhile (its decision revoked): cancelled already, the cases on it ended with it
    if (dispute.getRecord().getState() != PublicationState.WITHDRAWN) {
      dispute.getRecord().changeState(PublicationState.WITHDRAWN, actor, "record.reason.cancelledAfterDispute", reasons,
          dispute.getCaseRef(), clock.instant());
      events.publishEvent(new RecordWithdrawn(dispute.getRecord().getId(), dispute.getCaseRef(), actor));
    }
  }

  public void keep(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    String reasons = (String) execution.getVariable("reasons");
    dispute.decided(DisputeOutcome.KEPT, reasons, null);
    caseEvents.record(dispute.getCaseRef(), actor(execution), "KEPT", reasons);
  }

  /** The written reply: its verification code, the disputed mark removed, the applicant told. */
  public void reply(DelegateExecution execution) {
    Dispute dispute = dispute(execution);
    String actor = actor(execution);
    unmark(dispute, actor, "record.reason.disputeAnswered." + dispute.getOutcome(), null);
    dispute.ended(DisputeState.REPLIED, null, LetterCodes.next(), clock.instant());
    caseEvents.record(dispute.getCaseRef(), actor, "REPLIED",
        Text.of("timeline.replied", Text.of("event." + dispute.getOutcome()), dispute.getLetterCode()));
    applicant.tell(dispute, ApplicantUpdate.REPLIED,
        Text.of("update.dispute.replied", DisputeLetters.outcome(dispute), dispute.getLetterCode()));
  }

  /**
   * Takes the disputed mark off. A record whose publication ended meanwhile (its own end of
   * publication, a repair grant, a cancellation) keeps that state: its history says why.
   */
  private void unmark(Dispute dispute, String actor, String reasonKey, String reason) {
    DishonestyRecord record = dispute.getRecord();
    if (record.getState() == PublicationState.DISPUTED) {
      // corrected to minor: not published unless its department marked it necessary (令 36 art. 12)
      PublicationState back = record.getSeverity() == Severity.MINOR && !record.isPublicationNecessary()
          ? PublicationState.NOT_PUBLISHED : PublicationState.PUBLISHED;
      record.changeState(back, actor, reasonKey, reason, dispute.getCaseRef(), clock.instant());
    }
  }

  /** The day the verification limit counts from under the case's profile. */
  LocalDate verificationStart(Dispute dispute, RuleProfile profile) {
    return profile.disputeVerifyFrom() == RuleProfile.ClockStart.RECEIPT
        ? dispute.getReceivedAt().atZone(clock.getZone()).toLocalDate()
        : deadlines.dayOf(deadlines.now());
  }

  private void setDue(DelegateExecution execution, Dispute dispute, Date due) {
    execution.setVariable("verifyDue", due);
    dispute.due(deadlines.dayOf(due), deadlines.isProvisional(due));
  }

  private static RecordCorrection correctionOf(DelegateExecution execution) {
    String severity = text(execution, "correctedSeverity");
    String type = text(execution, "correctedType");
    return new RecordCorrection(text(execution, "correctedTitle"), text(execution, "correctedContent"),
        date(execution, "correctedDecisionDate"), date(execution, "correctedTermEndDate"),
        severity == null ? null : Severity.valueOf(severity), type == null ? null : RecordType.valueOf(type));
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static LocalDate date(DelegateExecution execution, String name) {
    String value = text(execution, name);
    return value == null ? null : LocalDate.parse(value);
  }

  private Dispute dispute(DelegateExecution execution) {
    Long id = ((Number) execution.getVariable("disputeId")).longValue();
    return disputes.findById(id).orElseThrow(() -> new IllegalStateException("no dispute " + id));
  }

  private static String actor(DelegateExecution execution) {
    Object actor = execution.getVariable(ModelNames.LAST_ACTOR);
    return actor == null ? "system" : actor.toString();
  }
}
