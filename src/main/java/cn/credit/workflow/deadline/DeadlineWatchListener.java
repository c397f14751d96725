package cn.credit.workflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model the deadline watch, so that no model has to remember it. The
 * engine's Spring eventing bridge calls this inside the task's own transaction (ADR 0002).
 */
@Component
class DeadlineWatchListener {

  private final DeadlineWatch watch;

  DeadlineWatchListener(DeadlineWatch watch) {
    this.watch = watch;
  }

  // First of the task's Spring listeners, as the pre-parse plugin it replaces was: the watch variable
  // is on the task before the work item or anything else looks at it.
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void on(DelegateTask task) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> {
        if (!DeadlineWatch.isWatchItself(task)) {
          watch.taskCreated(task);
        }
      }
      case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> watch.taskEnded(task);
      default -> { }
    }
  }
}
