package cn.credit.workflow.revocation;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the revocation process: each ends the report as the department answered it,
 * writes the case history and tells the reporter, in the transaction of the step.
 */
@Component("revocationSteps")
public class RevocationSteps {

  private final RevocationRepository revocations;
  private final RecordService records;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Clock clock;

  RevocationSteps(RevocationRepository revocations, RecordService records, CaseEvents caseEvents,
      ApplicantNotifier applicant, Clock clock) {
    this.revocations = revocations;
    this.records = records;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.clock = clock;
  }

  /** Withdrawn: off the public pages at once; the other cases on the record end with it (RecordRevoked). */
  public void withdraw(DelegateExecution execution) {
    Revocation revocation = revocation(execution);
    String actor = actor(execution);
    String reasons = text(execution, "reasons");
    records.withdraw(revocation.getRecord().getId(), revocation.decision(reasons), actor, revocation.getCaseRef());
    revocation.decided(RevocationState.RECORD_WITHDRAWN, reasons, clock.instant());
    caseEvents.record(revocation.getCaseRef(), actor, "RECORD_WITHDRAWN",
        Text.of("timeline.recordRevoked", revocation.getDocument()));
    applicant.tell(revocation, ApplicantUpdate.DECIDED, Text.of("update.revocation.withdrawn", revocation.getDocument()));
  }

  /** The department amended the record on its page (the task's check saw it): the report is answered. */
  public void amended(DelegateExecution execution) {
    Revocation revocation = revocation(execution);
    String actor = actor(execution);
    String reasons = text(execution, "reasons");
    revocation.decided(RevocationState.RECORD_AMENDED, reasons, clock.instant());
    caseEvents.record(revocation.getCaseRef(), actor, "RECORD_AMENDED",
        Text.of("timeline.revocation.amended", revocation.getDocument()));
    applicant.tell(revocation, ApplicantUpdate.DECIDED, Text.of("update.revocation.amended", revocation.getDocument()));
  }

  /** Unfounded: the record stays as it is; the reporter reads why. */
  public void unfounded(DelegateExecution execution) {
    Revocation revocation = revocation(execution);
    String actor = actor(execution);
    String reasons = text(execution, "reasons");
    revocation.decided(RevocationState.UNFOUNDED, reasons, clock.instant());
    caseEvents.record(revocation.getCaseRef(), actor, "REVOCATION_UNFOUNDED", reasons);
    applicant.tell(revocation, ApplicantUpdate.REFUSED, Text.of("update.revocation.unfounded", reasons));
  }

  private Revocation revocation(DelegateExecution execution) {
    Long id = ((Number) execution.getVariable("revocationId")).longValue();
    return revocations.findById(id).orElseThrow(() -> new IllegalStateException("no revocation report " + id));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static String actor(DelegateExecution execution) {
    Object actor = execution.getVariable(ModelNames.LAST_ACTOR);
    return actor == null ? "system" : actor.toString();
  }
}
