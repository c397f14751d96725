package cn.credit.workflow.inbox;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An installation upgraded while cases were open has engine tasks that no listener has seen: on
 * the first start with an empty work-item table they are listed once. Several nodes may start
 * together; the one that loses the race finds the rows written and leaves them.
 */
@Component
class WorkItemBackfill {

  private static final Logger log = LoggerFactory.getLogger(WorkItemBackfill.class);
  private static final int PAGE = 500;

  private final WorkItemRepository items;
  private final WorkItems workItems;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;

  WorkItemBackfill(WorkItemRepository items, WorkItems workItems, TaskService tasks, RuntimeService runtime,
      TransactionTemplate tx) {
    this.items = items;
    this.workItems = workItems;
    this.tasks = tasks;
    this.runtime = runtime;
    this.tx = tx;
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfillOnce() {
    if (items.count() > 0 || tasks.createTaskQuery().count() == 0) {
      return;
    }
    try {
      Integer count = tx.execute(status -> {
        int done = 0;
        for (int first = 0; ; first += PAGE) {
          List<Task> page = tasks.createTaskQuery().initializeFormKeys().orderByTaskCreateTime().asc()
              .orderByTaskId().asc().listPage(first, PAGE);
          page.stream().filter(t -> t.getProcessInstanceId() != null).forEach(this::keep);
          done += page.size();
          if (page.size() < PAGE) {
            return done;
          }
        }
      });
      log.info("Task inbox: {} open tasks listed from the engine's task table", count);
    } catch (DataIntegrityViolationException e) {
      log.info("Task inbox: another node listed the open tasks first");
    }
  }

  private void keep(Task task) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    String group = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
    workItems.keep(new WorkItems.TaskFacts(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        task.getName(), task.getCreateTime(), instance == null ? null : instance.getBusinessKey(), group,
        task.getFormKey(), task.getAssignee(), task.getDueDate()));
  }
}
