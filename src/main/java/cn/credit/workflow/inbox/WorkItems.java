package cn.credit.workflow.inbox;

import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.process.CaseTasks;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Service;

/** Keeps the inbox's work items in step with the engine's tasks, inside the engine's transaction. */
@Service
class WorkItems {

  private final WorkItemRepository items;
  private final Cases cases;
  private final Clock clock;
  private final CaseTasks tasks;

  WorkItems(WorkItemRepository items, Cases cases, Clock clock, CaseTasks tasks) {
    this.items = items;
    this.cases = cases;
    this.clock = clock;
    this.tasks = tasks;
  }

  /** What a work item is made of, whether it comes from a task listener or from the engine's task table. */
  record TaskFacts(String taskId, String processDefinitionId, String stepKey, String name, Date created,
      String caseRef, String candidateGroup, String formKey, String assignee, Date due) {}

  void changed(DelegateTask task) {
    String group = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .findFirst().orElse(null);
    keep(new TaskFacts(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(),
        task.getCreateTime(), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), group,
        tasks.formKeyOf(task), task.getAssignee(), task.getDueDate()));
  }

  void keep(TaskFacts task) {
    WorkItem item = items.findById(task.taskId()).orElseGet(() -> created(task));
    item.describe(task.name() == null ? task.stepKey() : task.name(), task.caseRef(), task.candidateGroup(),
        CaseTasks.departmentOf(task.candidateGroup()), task.formKey());
    item.assign(task.assignee(), task.due() == null ? null : task.due().toInstant());
    items.save(item);
  }

  void completed(DelegateTask task) {
    items.findById(task.getId()).ifPresent(item -> item.end(WorkItem.State.COMPLETED, clock.instant(),
        task.getAssignee()));
  }

  void cancelled(DelegateTask task) {
    items.findById(task.getId()).ifPresent(item -> item.end(WorkItem.State.CANCELLED, clock.instant(), null));
  }

  private WorkItem created(TaskFacts task) {
    String definition = task.processDefinitionId();
    WorkItem item = new WorkItem(task.taskId(), definition == null ? "task" : definition.substring(0, definition.indexOf(':')),
        task.stepKey(), task.created() == null ? clock.instant() : task.created().toInstant());
    cases.partyOf(task.caseRef()).ifPresent(party -> item.about(party.entityName(), party.uscc()));
    return item;
  }
}
