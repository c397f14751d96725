package cn.credit.workflow.inbox;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.startup.StartupStep;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An installation upgraded while cases were open has engine tasks that no listener has seen: on
 * the first start with an empty work-item table they are listed once. Several nodes may start
 * together; the one that loses the race finds the rows written and leaves them.
 */
@Component
@Order(4) // after the engine's groups and the first administrator
class WorkItemBackfill implements StartupStep {

  private static final Logger log = LoggerFactory.getLogger(WorkItemBackfill.class);
  private static final int PAGE = 500;

  private final WorkItemRepository items;
  private final WorkItems workItems;
  private final CaseTasks tasks;
  private final TransactionTemplate tx;

  WorkItemBackfill(WorkItemRepository items, WorkItems workItems, CaseTasks tasks, TransactionTemplate tx) {
    this.items = items;
    this.workItems = workItems;
    this.tasks = tasks;
    this.tx = tx;
  }

  @Override
  public void run() {
    backfillOnce();
  }

  void backfillOnce() {
    if (items.count() > 0 || !tasks.anyOpen()) {
      return;
    }
    try {
      Integer count = tx.execute(status -> {
        int done = 0;
        for (int first = 0; ; first += PAGE) {
          List<CaseTasks.TaskSnapshot> page = tasks.openTasks(first, PAGE);
          page.stream().filter(t -> t.processDefinitionId() != null).forEach(this::keep);
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

  private void keep(CaseTasks.TaskSnapshot task) {
    workItems.keep(new WorkItems.TaskFacts(task.taskId(), task.processDefinitionId(), task.stepKey(), task.name(),
        task.created(), task.caseRef(), task.candidateGroup(), task.formKey(), task.assignee(), task.due()));
  }
}
