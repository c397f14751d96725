package cn.credit.workflow.deadline;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.TaskRef;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The actions of the deadline timers on the case's own tasks (ADR 0003), e.g.
 * {@code ${deadlineActions.remind(execution, 'AcceptRequest')}}: each finds the case's open tasks of
 * that step (every instance of a multi-instance step) and publishes the moment for whoever escalates.
 */
@Component("deadlineActions")
public class DeadlineActions {

  private final CaseTasks tasks;
  private final Deadlines deadlines;
  private final ApplicationEventPublisher events;

  DeadlineActions(CaseTasks tasks, Deadlines deadlines, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.events = events;
  }

  public void remind(DelegateExecution execution, String stepKey) {
    for (CaseTasks.Created open : tasks.openOf(execution.getProcessInstanceId(), stepKey)) {
      // a task that arrived after its reminder time (less than the reminder's working days left) gets
      // no reminder: its timer fires at once, and the task's arrival mail already gave the deadline
      TaskRef task = open.task();
      if (task.due() != null && deadlines.reminderAt(task.due()).after(open.at())) {
        events.publishEvent(new DeadlineEvent(DeadlineEvent.Moment.REMINDER_DUE, task));
      }
    }
  }

  public void markOverdue(DelegateExecution execution, String stepKey) {
    publish(execution, stepKey, DeadlineEvent.Moment.OVERDUE);
  }

  public void escalateToCity(DelegateExecution execution, String stepKey) {
    publish(execution, stepKey, DeadlineEvent.Moment.CITY_ESCALATION_DUE);
  }

  private void publish(DelegateExecution execution, String stepKey, DeadlineEvent.Moment moment) {
    tasks.openOf(execution.getProcessInstanceId(), stepKey)
        .forEach(open -> events.publishEvent(new DeadlineEvent(moment, open.task())));
  }
}
