package cn.credit.workflow.shielding;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.letter.LetterCodes;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the shielding process: each moves the request and its record, writes the
 * case history and tells the applicant, in the transaction of the step.
 */
@Component("shieldingSteps")
public class ShieldingSteps {

  private final ShieldingRepository shieldings;
  private final RecordService records;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Clock clock;

  ShieldingSteps(ShieldingRepository shieldings, RecordService records, CaseEvents caseEvents,
      ApplicantNotifier applicant, Clock clock) {
    this.shieldings = shieldings;
    this.records = records;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.clock = clock;
  }

  /** Shielded: off the public pages until the court ends the plan; the decision letter with its code. */
  public void shield(DelegateExecution execution) {
    Shielding shielding = shielding(execution);
    String actor = actor(execution);
    String reasons = text(execution, "reasons");
    boolean shielded = records.shield(shielding.getRecord().getId(), actor, shielding.getCourtCaseNumber(),
        shielding.getCaseRef());
    shielding.decided(ShieldingState.SHIELDED, reasons, LetterCodes.next(), clock.instant());
    caseEvents.record(shielding.getCaseRef(), actor, "SHIELDED", shielded
        ? Text.of("timeline.shielded", shielding.getLetterCode())
        : Text.of("timeline.shieldedNotOnPublicList", Text.of("record.state." + shielding.getRecord().getState()),
            shielding.getLetterCode()));
    applicant.tell(shielding, ApplicantUpdate.DECIDED, Text.of("update.shielding.shielded", shielding.getLetterCode()));
  }

  public void refuse(DelegateExecution execution) {
    Shielding shielding = shielding(execution);
    String actor = actor(execution);
    String reasons = text(execution, "reasons");
    shielding.decided(ShieldingState.REFUSED, reasons, LetterCodes.next(), clock.instant());
    caseEvents.record(shielding.getCaseRef(), actor, "SHIELDING_REFUSED", reasons);
    applicant.tell(shielding, ApplicantUpdate.REFUSED,
        Text.of("update.shielding.refused", reasons, shielding.getLetterCode()));
  }

  /** The court ended the plan unsuccessfully: the record returns, or ends as expired if its maximum passed. */
  public void restore(DelegateExecution execution) {
    Shielding shielding = shielding(execution);
    String actor = actor(execution);
    String ruling = text(execution, "courtRuling");
    PublicationState now = records.unshield(shielding.getRecord().getId(), actor, ruling, shielding.getCaseRef());
    shielding.courtEnded(CourtEnd.FAILED, ruling, clock.instant());
    Text state = Text.of("record.state." + now);
    caseEvents.record(shielding.getCaseRef(), actor, "RESTORED", Text.of("timeline.shieldingEnded", ruling, state));
    applicant.tell(shielding, ApplicantUpdate.CLOSED, Text.of("update.shielding.restored", ruling, state));
  }

  /** The court ended the plan successfully: art. 20 says nothing of a return, so the record stays shielded. */
  public void keep(DelegateExecution execution) {
    Shielding shielding = shielding(execution);
    String actor = actor(execution);
    String ruling = text(execution, "courtRuling");
    shielding.courtEnded(CourtEnd.SUCCEEDED, ruling, clock.instant());
    caseEvents.record(shielding.getCaseRef(), actor, "KEPT_SHIELDED", Text.of("timeline.shieldingKept", ruling));
    applicant.tell(shielding, ApplicantUpdate.CLOSED, Text.of("update.shielding.kept", ruling));
  }

  private Shielding shielding(DelegateExecution execution) {
    Long id = ((Number) execution.getVariable("shieldingId")).longValue();
    return shieldings.findById(id).orElseThrow(() -> new IllegalStateException("no shielding request " + id));
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
