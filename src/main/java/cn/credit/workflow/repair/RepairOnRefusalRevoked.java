package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseTexts;
import cn.credit.workflow.casefile.RefusalRevoked;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.deadline.TimeLimits;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A dispute against a refusal was upheld (令 36 art. 18): the refused request is handled again, from
 * the step the refusal ended — acceptance after a refusal to accept, the decision after a refusal to
 * repair — under the rule profile it was received with, with fresh time limits from today, in the
 * dispute's transaction. The applicant is told when to expect the result.
 */
@Component
class RepairOnRefusalRevoked {

  private final RepairRequestRepository requests;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Deadlines deadlines;
  private final TimeLimits limits;
  private final WholeRequestDue wholeRequest;
  private final RepairRules rules;
  private final Clock clock;

  RepairOnRefusalRevoked(RepairRequestRepository requests, CaseProcesses processes, CaseEvents caseEvents,
      ApplicantNotifier applicant, Deadlines deadlines, TimeLimits limits, WholeRequestDue wholeRequest,
      RepairRules rules, Clock clock) {
    this.requests = requests;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.deadlines = deadlines;
    this.limits = limits;
    this.wholeRequest = wholeRequest;
    this.rules = rules;
    this.clock = clock;
  }

  @EventListener
  void refusalRevoked(RefusalRevoked event) {
    if (!CaseKind.REPAIR.owns(event.caseRef())) {
      return; // another kind's case
    }
    RepairRequest request = requests.findByCaseRef(event.caseRef())
        .orElseThrow(() -> new IllegalStateException("no repair request " + event.caseRef()));
    RepairState refused = request.getState();
    if (refused != RepairState.NOT_ACCEPTED && refused != RepairState.REFUSED) {
      throw new IllegalStateException(event.caseRef() + " is " + refused + ", not a refusal");
    }
    RuleProfile profile = limits.ofCase(request.getRuleProfile(),
        LocalDate.ofInstant(request.getReceivedAt(), clock.getZone()));
    Map<String, Object> variables = RepairService.variablesOf(request, profile,
        rules.of(request.getRecord().getSeverity(), request.getRecord().getType(), profile));
    String step;
    if (refused == RepairState.NOT_ACCEPTED) {
      step = ModelNames.Repair.ACCEPT;
      request.reopened(RepairState.UNDER_ACCEPTANCE);
    } else {
      step = ModelNames.Repair.VERIFY_AND_DECIDE;
      Date decideDue = deadlines.dueFrom(deadlines.dayOf(deadlines.now()), profile, Step.DECIDE);
      variables.put("decideDue", decideDue);
      request.reopened(RepairState.UNDER_REVIEW);
    }
    request.started(processes.startAt(RepairService.PROCESS_KEY, request.getCaseRef(), step, variables));
    wholeRequest.countFromSignature(request); // the whole request's limit runs again from today
    caseEvents.record(request.getCaseRef(), event.actor(), "REOPENED", Text.of("timeline.reopened", event.byCaseRef()));
    applicant.tell(request, ApplicantUpdate.RECEIVED, Text.of("update.repair.reopened", event.byCaseRef(),
        CaseTexts.department(request.getRecord().getDepartment()), request.getDueDate()));
  }
}
