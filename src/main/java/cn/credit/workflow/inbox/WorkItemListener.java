package cn.credit.workflow.inbox;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model keeps its work item: on create, on every change, on its end. The
 * engine's Spring eventing bridge calls this inside the task's own transaction (ADR 0002).
 */
@Component
class WorkItemListener {

  private final WorkItems items;

  WorkItemListener(WorkItems items) {
    this.items = items;
  }

  // Last of the task's Spring listeners: the work item records the task as the others left it.
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  void on(DelegateTask task) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE ->
          items.changed(task);
      case TaskListener.EVENTNAME_COMPLETE -> items.completed(task);
      case TaskListener.EVENTNAME_DELETE -> items.cancelled(task);
      default -> { }
    }
  }
}
