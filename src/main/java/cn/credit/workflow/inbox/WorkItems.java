package cn.credit.workflow.inbox;

import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.process.CaseTasks;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Service;

/** Keeps the inbox's work items in step with the engine's tasks, inside the engine's transaction. */
@Service
class WorkItems {

  private final WorkItemRepository items;
  private final Cases cases;
  private final Clock clock;

  WorkItems(WorkItemRepository items, Cases cases, Clock clock) {
    this.items = items;
    this.cases = cases;
    this.clock = clock;
  }

  void changed(DelegateTask task) {
    WorkItem item = items.findById(task.getId()).orElseGet(() -> created(task));
    String group = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .findFirst().orElse(null);
    item.describe(task.getName() == null ? task.getTaskDefinitionKey() : task.getName(), caseRefOf(task), group,
        CaseTasks.departmentOf(group), formKeyOf(task));
    item.assign(task.getAssignee(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
    items.save(item);
  }

  void completed(DelegateTask task) {
    items.findById(task.getId()).ifPresent(item -> item.end(WorkItem.State.COMPLETED, clock.instant(),
        task.getAssignee()));
  }

  void cancelled(DelegateTask task) {
    items.findById(task.getId()).ifPresent(item -> item.end(WorkItem.State.CANCELLED, clock.instant(), null));
  }

  private WorkItem created(DelegateTask task) {
    String processKey = task.getProcessDefinitionId() == null ? "task"
        : task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
    WorkItem item = new WorkItem(task.getId(), processKey, task.getTaskDefinitionKey(),
        task.getCreateTime() == null ? clock.instant() : task.getCreateTime().toInstant());
    cases.partyOf(caseRefOf(task)).ifPresent(party -> item.about(party.entityName(), party.uscc()));
    return item;
  }

  private static String formKeyOf(DelegateTask task) {
    if (task instanceof TaskEntity entity) {
      entity.initializeFormKey();
      return entity.getFormKey();
    }
    return null;
  }

  private static String caseRefOf(DelegateTask task) {
    return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
  }
}
