package cn.credit.workflow.deadline;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.TaskRef;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The service tasks of the deadline watch: each finds the watched task and hands it to the service. */
@Component("deadlineActions")
public class DeadlineActions {

  private final CaseTasks tasks;
  private final ApplicationEventPublisher events;

  DeadlineActions(CaseTasks tasks, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.events = events;
  }

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
