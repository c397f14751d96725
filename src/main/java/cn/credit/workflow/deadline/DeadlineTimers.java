package cn.credit.workflow.deadline;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.process.TaskRef;
import cn.credit.workflow.system.ApiProblem;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department task's time limit around the model's own deadline timers (ADR 0003): the task's
 * arrival is told to its department, and an extension moves the task's due date and its pending
 * reminder, overdue and city escalation timers. The timers and their actions are drawn in the models.
 */
@Service
public class DeadlineTimers {

  private final Deadlines deadlines;
  private final CaseTasks tasks;
  private final ApplicationEventPublisher events;

  DeadlineTimers(Deadlines deadlines, CaseTasks tasks, ApplicationEventPublisher events) {
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.events = events;
  }

  // First of the task's Spring listeners (ADR 0002): the arrival is told before anything else looks at the task.
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void on(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      TaskRef ref = CaseTasks.of(task);
      // the applicant's own steps (signing, supplement) have their limit as an interrupting timer, nobody to tell
      if (ref.departmentCode() != null) {
        events.publishEvent(new DeadlineEvent(DeadlineEvent.Moment.TASK_ARRIVED, ref));
      }
    }
  }

  /**
   * A granted extension: the deadline moves by the extension limit, and the task's pending
   * reminder, overdue and escalation timers move with it; a moment that has fired is not repeated.
   * Returns the new deadline.
   */
  @Transactional
  public Date extend(String taskId) {
    TaskRef task = tasks.find(taskId).orElseThrow(() -> ApiProblem.notFound("task.none", taskId));
    if (task.due() == null) {
      throw ApiProblem.conflict("task.noDeadline", taskId);
    }
    RuleProfile profile = deadlines.profileNamed(tasks.variablesOf(taskId).get(Deadlines.PROFILE_VARIABLE));
    Date newDue = deadlines.extended(profile, task.due());
    tasks.moveDue(taskId, newDue);
    moveTimers(taskId, task.stepKey(), newDue, profile);
    return newDue;
  }

  /** The task's pending boundary timers, set to the moments of {@code due}. */
  void moveTimers(String taskId, String stepKey, Date due, RuleProfile profile) {
    tasks.moveTimer(taskId, stepKey + ModelNames.REMINDER_TIMER, deadlines.reminderUnder(profile, due));
    tasks.moveTimer(taskId, stepKey + ModelNames.OVERDUE_TIMER, deadlines.overdueAt(due));
    tasks.moveTimer(taskId, stepKey + ModelNames.CITY_TIMER, deadlines.cityEscalationUnder(profile, due));
  }
}
