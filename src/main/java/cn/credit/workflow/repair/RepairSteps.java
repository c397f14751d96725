package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseTexts;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.letter.LetterCodes;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.text.DueDay;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the credit repair process: each moves the request, writes the case history
 * and tells the applicant, in the transaction of the step.
 */
@Component("repairSteps")
public class RepairSteps {

  private static final Logger log = LoggerFactory.getLogger(RepairSteps.class);

  private final RepairRequestRepository requests;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Deadlines deadlines;
  private final WholeRequestDue wholeRequest;
  private final Clock clock;

  RepairSteps(RepairRequestRepository requests, CaseEvents caseEvents,
      ApplicantNotifier applicant, Deadlines deadlines, WholeRequestDue wholeRequest, Clock clock) {
    this.requests = requests;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.deadlines = deadlines;
    this.wholeRequest = wholeRequest;
    this.clock = clock;
  }

  public void lapse(DelegateExecution execution, String why) {
    RepairRequest request = request(execution);
    request.decided(RepairState.LAPSED, why, null, clock.instant());
    caseEvents.record(request.getCaseRef(), "system", "LAPSED", Text.of("timeline.lapsed." + why));
    applicant.tell(request, ApplicantUpdate.LAPSED, Text.of("commitment-not-signed".equals(why)
        ? "update.repair.lapsed.commitment-not-signed" : "update.repair.lapsed.supplement-not-provided"));
  }

  public void route(DelegateExecution execution) {
    RepairRequest request = request(execution);
    request.moveTo(RepairState.UNDER_ACCEPTANCE);
    wholeRequest.countFromSignature(request); // routed right after the signature; the mail below tells the date
    Text department = CaseTexts.department(request.getRecord().getDepartment());
    caseEvents.record(request.getCaseRef(), "system", "ROUTED", Text.of("timeline.routed", department));
    applicant.tell(request, ApplicantUpdate.RECEIVED, Text.of(request.isDueProvisional()
        ? "update.repair.receivedProvisional" : "update.repair.received", department, request.getDueDate()));
  }

  public void refuseAcceptance(DelegateExecution execution) {
    refuseWithLetter(execution, RepairState.NOT_ACCEPTED, "refusalReasons", ApplicantUpdate.REFUSED,
        "update.repair.notAccepted");
  }

  public void requestSupplement(DelegateExecution execution) {
    RepairRequest request = request(execution);
    String missing = (String) execution.getVariable("missingMaterials");
    request.supplementRequested(missing);
    execution.setVariable("supplementUsed", true);
    caseEvents.record(request.getCaseRef(), actor(execution), "SUPPLEMENT_REQUESTED", missing);
    DueDay due = deadlines.shown(deadlines.due(execution, "supplement"));
    applicant.tell(request, ApplicantUpdate.SUPPLEMENT_NEEDED, Text.of("update.repair.supplementNeeded", due, missing));
  }

  public void accept(DelegateExecution execution) {
    RepairRequest request = request(execution);
    request.moveTo(RepairState.UNDER_REVIEW);
    Date decideDue = deadlines.due(execution, "decide");
    execution.setVariable("decideDue", decideDue);
    caseEvents.record(request.getCaseRef(), actor(execution), "ACCEPTED",
        Text.of("timeline.accepted", deadlines.shown(decideDue)));
    applicant.tell(request, ApplicantUpdate.ACCEPTED, Text.of("update.repair.accepted", deadlines.shown(decideDue)));
  }

  public void extend(DelegateExecution execution) {
    RepairRequest request = request(execution);
    Date newDue = deadlines.extended(deadlines.profileOf(execution), (Date) execution.getVariable("decideDue"));
    execution.setVariable("decideDue", newDue);
    execution.setVariable("extensionUsed", true);
    String reason = (String) execution.getVariable("extensionReason");
    request.extended(reason);
    wholeRequest.extend(request);
    caseEvents.record(request.getCaseRef(), actor(execution), "EXTENDED", CaseTexts.extended(deadlines.dayOf(newDue), reason));
    applicant.tell(request, ApplicantUpdate.EXTENDED,
        Text.of("update.repair.extended", deadlines.shown(newDue), reason, request.dueDay()));
  }

  public void refuse(DelegateExecution execution) {
    refuseWithLetter(execution, RepairState.REFUSED, "decisionReasons", ApplicantUpdate.DECIDED, "update.repair.refused");
  }

  /** Either refusal ends with a letter whose reasons and verification code go to the applicant. */
  private void refuseWithLetter(DelegateExecution execution, RepairState state, String reasonsVariable,
      ApplicantUpdate update, String updateKey) {
    RepairRequest request = request(execution);
    String reasons = (String) execution.getVariable(reasonsVariable);
    request.decided(state, reasons, LetterCodes.next(), clock.instant());
    caseEvents.record(request.getCaseRef(), actor(execution), state.name(), reasons);
    applicant.tell(request, update, Text.of(updateKey, reasons, request.getLetterCode()));
  }

  /** The record leaves the public list at once; each member department gets its confirmation task. */
  public void grant(DelegateExecution execution) {
    RepairRequest request = request(execution);
    String actor = actor(execution);
    request.getRecord().changeState(PublicationState.STOPPED, actor, "record.reason.repairGranted", null,
        request.getCaseRef(), clock.instant());
    request.decided(RepairState.GRANTED, (String) execution.getVariable("decisionReasons"), LetterCodes.next(),
        clock.instant());
    List<String> members = new ArrayList<>(request.getRecord().getJointPunishmentMembers().stream()
        .map(Department::getCode).sorted().toList());
    execution.setVariable("memberDepartments", members);
    caseEvents.record(request.getCaseRef(), actor, "GRANTED", Text.of("timeline.granted", members.toString()));
    log.info("Repair granted, record {} no longer published; member departments {}", request.getRecord().getId(), members);
    applicant.tell(request, ApplicantUpdate.DECIDED, Text.of("update.repair.granted", request.getLetterCode()));
    applicant.tell(request, ApplicantUpdate.PUBLICATION_STOPPED,
        Text.of("update.repair.publicationStopped", request.getRecord().getTitle()));
  }

  public void complete(DelegateExecution execution) {
    RepairRequest request = request(execution);
    if (request.getState() == RepairState.GRANTED) {
      request.moveTo(RepairState.COMPLETED);
    }
    caseEvents.record(request.getCaseRef(), "system", "COMPLETED", Text.of("timeline.completed"));
  }

  public void withdraw(DelegateExecution execution) {
    RepairRequest request = request(execution);
    request.decided(RepairState.WITHDRAWN, null, null, clock.instant());
    caseEvents.record(request.getCaseRef(), actor(execution), "WITHDRAWN", (String) null);
    applicant.tell(request, ApplicantUpdate.WITHDRAWN, Text.of("update.repair.withdrawn"));
  }

  private RepairRequest request(DelegateExecution execution) {
    Long id = ((Number) execution.getVariable("requestId")).longValue();
    return requests.findById(id).orElseThrow(() -> new IllegalStateException("no repair request " + id));
  }

  private static String actor(DelegateExecution execution) {
    Object actor = execution.getVariable(ModelNames.LAST_ACTOR);
    return actor == null ? "system" : actor.toString();
  }
}
