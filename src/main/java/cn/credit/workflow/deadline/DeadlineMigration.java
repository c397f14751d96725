package cn.credit.workflow.deadline;

import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.process.StepNames;
import cn.credit.workflow.process.TaskRef;
import cn.credit.workflow.startup.StartupStep;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A start-up step, before the job executor runs (it starts when the application is ready): the cases
 * still running on a model version from before the deadline timers move to the latest version, and
 * the deadline watches of {@code task-deadline.bpmn} end (ADR 0003, Migration). Each case moves in
 * its own transaction; a case that is already on the latest version is left alone, so a second
 * start does nothing twice; nodes starting together take turns (StartupWork), and a case that
 * fails to move anyway (an optimistic-locking failure) is logged and skipped.
 */
@Component
@Order(5) // start-up work, one node at a time (StartupWork); before the job executor starts
class DeadlineMigration implements StartupStep {

  /** The retired watch process: one instance per open department task, with the task's id in {@code taskId}. */
  static final String WATCH_PROCESS = "taskDeadline";
  /** The task-local variable that held the task's watch. */
  static final String WATCH_VARIABLE = "deadlineWatch";

  private static final Logger log = LoggerFactory.getLogger(DeadlineMigration.class);

  private final CaseProcesses processes;
  private final CaseTasks tasks;
  private final Deadlines deadlines;

  DeadlineMigration(CaseProcesses processes, CaseTasks tasks, Deadlines deadlines) {
    this.processes = processes;
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @Override
  public void run() {
    run(StepNames.PROCESSES);
  }

  /** Moves the running cases of these models to their latest versions; returns how many moved. */
  int run(List<String> processKeys) {
    int moved = 0;
    for (String processKey : processKeys) {
      for (String run : processes.migrateToLatest(processKey)) {
        tasks.openTasksOfRun(run).stream().filter(t -> t.due() != null && t.stepKey() != null).forEach(this::settle);
        moved++;
      }
    }
    // what is left has nothing to watch: its task ended, or its case could not move (logged by migrateToLatest)
    List<String> watches = processes.runsOf(WATCH_PROCESS);
    watches.forEach(watch -> processes.cancel(watch, "replaced by the case's own deadline timers"));
    if (moved > 0 || !watches.isEmpty()) {
      log.info("Deadline timers: {} running case(s) moved to the latest model version, {} deadline watch(es) ended",
          moved, watches.size());
    }
    return moved;
  }

  /**
   * A moved case's open task: its new timers were evaluated at the migration, so they are set from
   * the task's own due date; a moment the watch has passed already is dropped, so it does not come twice.
   */
  private void settle(TaskRef task) {
    Object watch = tasks.localVariable(task.taskId(), WATCH_VARIABLE);
    List<String> waitingAt = watch == null ? null : processes.activeSteps((String) watch);
    Date now = deadlines.now();
    Date reminderAt = deadlines.reminderAt(task.due());
    Date overdueAt = deadlines.overdueAt(task.due());
    Date cityAt = deadlines.cityEscalationAt(task.due());
    // the watch waits at its next moment (ReminderTime, DeadlinePassed, StillOpenAfterGrace) or has ended
    boolean reminderDone = waitingAt == null ? !reminderAt.after(now) : !waitingAt.contains("ReminderTime");
    boolean overdueDone = waitingAt == null ? !overdueAt.after(now)
        : !waitingAt.contains("ReminderTime") && !waitingAt.contains("DeadlinePassed");
    boolean cityDone = waitingAt == null ? !cityAt.after(now) : waitingAt.isEmpty();
    timer(task, ModelNames.REMINDER_TIMER, reminderAt, reminderDone);
    timer(task, ModelNames.OVERDUE_TIMER, overdueAt, overdueDone);
    timer(task, ModelNames.CITY_TIMER, cityAt, cityDone);
    if (watch != null) {
      processes.cancel((String) watch, "replaced by the case's own deadline timers");
      tasks.removeLocalVariable(task.taskId(), WATCH_VARIABLE);
    }
  }

  private void timer(TaskRef task, String ending, Date at, boolean done) {
    if (done) {
      tasks.dropTimer(task.taskId(), task.stepKey() + ending);
    } else {
      tasks.moveTimer(task.taskId(), task.stepKey() + ending, at);
    }
  }
}
