package cn.credit.workflow.deadline;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.TaskRef;
import java.util.Optional;
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

  // The watch of processes/task-deadline.bpmn (a case started before the boundary timers, ADR 0003):

  public void remind(DelegateExecution watch) {
    onWatchedTask(watch, DeadlineEvent.Moment.REMINDER_DUE);
  }

  public void markOverdue(DelegateExecution watch) {
    onWatchedTask(watch, DeadlineEvent.Moment.OVERDUE);
  }

  public void escalateToCity(DelegateExecution watch) {
    onWatchedTask(watch, DeadlineEvent.Moment.CITY_ESCALATION_DUE);
  }

  private void onWatchedTask(DelegateExecution watch, DeadlineEvent.Moment moment) {
    // a task ended in the same moment leaves nothing to escalate
    Optional<TaskRef> task = tasks.find((String) watch.getVariable("taskId"));
    task.ifPresent(t -> events.publishEvent(new DeadlineEvent(moment, t)));
  }
}
