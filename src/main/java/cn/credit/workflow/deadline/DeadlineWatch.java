package cn.credit.workflow.deadline;

import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.process.TaskRef;
import cn.credit.workflow.system.ApiProblem;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a deadline watch ({@code processes/task-deadline.bpmn}) beside every user task that has a
 * due date: started when the task is created, ended when it is completed or deleted, restarted
 * when an extension moves the due date.
 */
@Service
public class DeadlineWatch {

  public static final String PROCESS_KEY = ModelNames.DeadlineWatch.PROCESS;
  static final String WATCH_VARIABLE = "deadlineWatch";

  private final CaseProcesses processes;
  private final Deadlines deadlines;
  private final CaseTasks tasks;
  private final ApplicationEventPublisher events;

  DeadlineWatch(CaseProcesses processes, Deadlines deadlines, CaseTasks tasks,
      ApplicationEventPublisher events) {
    this.processes = processes;
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.events = events;
  }

  void taskCreated(DelegateTask task) {
    TaskRef ref = CaseTasks.of(task);
    if (ref.departmentCode() == null) {
      // The applicant's own steps (signing): their limit is a timer in the model, nobody to escalate to.
      return;
    }
    events.publishEvent(new DeadlineEvent(DeadlineEvent.Moment.TASK_ARRIVED, ref));
    if (ref.due() != null) {
      task.setVariableLocal(WATCH_VARIABLE, start(ref));
    }
  }

  void taskEnded(DelegateTask task) {
    Object watch = task.getVariableLocal(WATCH_VARIABLE);
    if (watch != null) {
      stop((String) watch, "task " + task.getEventName());
    }
  }

  /**
   * A granted extension: the deadline moves by the extension limit, and the reminder, overdue
   * and escalation timers move with it. Returns the new deadline.
   */
  @Transactional
  public Date extend(String taskId) {
    TaskRef task = tasks.find(taskId).orElseThrow(() -> ApiProblem.notFound("task.none", taskId));
    if (task.due() == null) {
      throw ApiProblem.conflict("task.noDeadline", taskId);
    }
    Date newDue = deadlines.extended(task.due());
    tasks.moveDue(taskId, newDue);
    Object watch = tasks.localVariable(taskId, WATCH_VARIABLE);
    if (watch != null) {
      stop((String) watch, "deadline extended");
    }
    TaskRef moved = new TaskRef(task.taskId(), task.name(), task.processInstanceId(), task.caseRef(),
        task.departmentCode(), task.assignee(), newDue);
    tasks.setLocalVariable(taskId, WATCH_VARIABLE, start(moved));
    return newDue;
  }

  private String start(TaskRef task) {
    Date reminderAt = deadlines.reminderAt(task.due());
    Map<String, Object> variables = new HashMap<>();
    variables.put("taskId", task.taskId());
    variables.put("dueAt", task.due());
    variables.put("reminderAt", reminderAt);
    variables.put("remind", reminderAt.after(deadlines.now()));
    variables.put("overdueAt", deadlines.overdueAt(task.due()));
    variables.put("cityEscalationAt", deadlines.cityEscalationAt(task.due()));
    return processes.start(PROCESS_KEY, task.caseRef(), variables);
  }

  private void stop(String watchId, String reason) {
    processes.cancel(watchId, reason);
  }

  static boolean isWatchItself(DelegateTask task) {
    return task.getProcessDefinitionId() != null && task.getProcessDefinitionId().startsWith(PROCESS_KEY + ":");
  }
}
