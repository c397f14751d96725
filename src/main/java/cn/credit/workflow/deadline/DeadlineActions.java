package cn.credit.workflow.deadline;

import cn.credit.workflow.oversight.EscalationService;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.TaskRef;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service tasks of the deadline watch: each finds the watched task and hands it to the service. */
@Component("deadlineActions")
public class DeadlineActions {

  private final CaseTasks tasks;
  private final EscalationService escalation;

  DeadlineActions(CaseTasks tasks, EscalationService escalation) {
    this.tasks = tasks;
    this.escalation = escalation;
  }

  public void remind(DelegateExecution watch) {
    onWatchedTask(watch, escalation::remind);
  }

  public void markOverdue(DelegateExecution watch) {
    onWatchedTask(watch, escalation::markOverdue);
  }

  public void escalateToCity(DelegateExecution watch) {
    onWatchedTask(watch, escalation::escalateToCity);
  }

  private void onWatchedTask(DelegateExecution watch, Consumer<TaskRef> action) {
    // a task ended in the same moment leaves nothing to escalate
    Optional<TaskRef> task = tasks.find((String) watch.getVariable("taskId"));
    task.ifPresent(action);
  }
}
