package cn.credit.workflow.inbox;

import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.TimelineSource;
import cn.credit.workflow.process.StepNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The case's history as the departments see it gets each transfer, delegation, return and copy
 * with who, to whom and why (a return, to which earlier step), and each step's opinion (审批意见); the applicant's does not.
 */
@Component
class TaskActionTimeline implements TimelineSource {

  private final TaskActionRepository actions;
  private final TaskLists lists;
  private final StepNames stepNames;
  private final MessageSource messages;

  TaskActionTimeline(TaskActionRepository actions, TaskLists lists, StepNames stepNames, MessageSource messages) {
    this.actions = actions;
    this.lists = lists;
    this.stepNames = stepNames;
    this.messages = messages;
  }

  @Override
  public boolean internal() {
    return true;
  }

  @Override
  public List<CaseTimeline.Entry> entriesOf(String caseRef) {
    Locale locale = LocaleContextHolder.getLocale();
    List<CaseTimeline.Entry> entries = new ArrayList<>();
    for (TaskAction a : actions.findByCaseRefOrderById(caseRef)) {
      String step = stepNames.nameOf(a.getProcessKey(), a.getStepKey(), a.getStepName(), locale);
      String reason = a.getReason() == null ? "—" : a.getReason();
      // a return names the step it went back to (ADR 0008)
      String text = a.getAction() == TaskAction.Kind.RETURN
          ? messages.getMessage("timeline.taskReturn", new Object[] {step,
              stepNames.nameOf(a.getProcessKey(), a.getToStepKey(), locale),
              a.getTarget() == null ? "—" : a.getTarget(), reason}, locale)
          : messages.getMessage("timeline.taskAction", new Object[] {step, a.getTarget(), reason}, locale);
      entries.add(new CaseTimeline.Entry(a.getOccurredAt(), "event", "TASK_" + a.getAction().name(), a.getActor(),
          null, null, text));
    }
    for (WorkItem i : lists.allOfCase(caseRef)) {
      if (i.getOpinion() != null) {
        String step = stepNames.nameOf(i.getProcessKey(), i.getStepKey(), i.getStepName(), locale);
        String outcome = i.getOutcomeKey() == null ? "—" : messages.getMessage(i.getOutcomeKey(), null, i.getOutcomeKey(), locale);
        entries.add(new CaseTimeline.Entry(i.getEndedAt(), "event", "OPINION", i.getCompletedBy(), null, null,
            messages.getMessage("timeline.opinion", new Object[] {step, outcome, i.getOpinion()}, locale)));
      }
    }
    return entries;
  }
}
