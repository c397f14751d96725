package cn.credit.workflow.inbox;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.OpenStep;
import cn.credit.workflow.process.StepTakenException;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared task list: what a person may see, claim and complete. A task is theirs when it is
 * assigned to them, or unassigned and offered to one of their groups (their department).
 */
@Service
public class InboxService {

  private final CaseTasks steps;
  private final TaskForms forms;
  private final List<TaskCompletionHook> hooks;
  private final TaskLists lists;
  private final WorkItemRepository items;
  private final Clock clock;

  InboxService(CaseTasks steps, TaskForms forms, List<TaskCompletionHook> hooks, TaskLists lists, WorkItemRepository items, Clock clock) {
    this.items = items;
    this.lists = lists;
    this.clock = clock;
    this.steps = steps;
    this.forms = forms;
    this.hooks = hooks;
  }

  /** An open task as the inbox shows it. */
  public record InboxTask(String id, String name, String taskKey, String caseRef, String department, String assignee,
      Date due, String formKey, boolean overdue, String owner, boolean delegated) {}

  /** The caller's own open tasks, then the department's unclaimed ones; each due date first, a page of each. */
  @Transactional(readOnly = true)
  public List<InboxTask> tasksOf(String username) {
    List<InboxTask> result = new ArrayList<>();
    for (TaskLists.Queue queue : List.of(TaskLists.Queue.MINE, TaskLists.Queue.DEPARTMENT)) {
      lists.page(username, queue, TaskLists.Filter.none(), 0, TaskLists.MAX_PAGE_SIZE).forEach(item -> result.add(
          new InboxTask(item.getTaskId(), item.getStepName(), item.getStepKey(), item.getCaseRef(),
              item.getDepartmentCode(), item.getAssignee(), item.getDueAt() == null ? null : Date.from(item.getDueAt()),
              item.getFormKey(), item.getDueAt() != null && item.getDueAt().isBefore(clock.instant()), null, false)));
    }
    return result;
  }

  @Transactional(readOnly = true)
  public InboxTask task(String taskId, String username) {
    OpenStep step = find(taskId);
    requireMayWork(step, username);
    return view(step);
  }

  @Transactional
  public InboxTask claim(String taskId, String username) {
    OpenStep step = find(taskId);
    requireMayWork(step, username); // first: only the task's own department learns who has it
    if (step.assignee() != null && !step.assignee().equals(username)) {
      throw ApiProblem.conflict("task.claimedBy", taskId, step.assignee());
    }
    try {
      steps.claim(taskId, username);
    } catch (StepTakenException e) {
      throw ApiProblem.conflict("task.claimedJustNow", taskId);
    }
    return view(find(taskId));
  }

  /** Hands a claimed task back to the department's shared queue. */
  @Transactional
  public InboxTask unclaim(String taskId, String username) {
    OpenStep step = find(taskId);
    requireMayWork(step, username);
    if (!username.equals(step.assignee())) {
      throw ApiProblem.forbidden("task.handBack.notYours", taskId);
    }
    if (step.delegated()) {
      throw ApiProblem.conflict("task.delegated.resolveFirst", taskId);
    }
    if (step.candidateGroups().isEmpty()) {
      throw ApiProblem.conflict("task.handBack.personal", taskId);
    }
    steps.handBack(taskId);
    return view(find(taskId));
  }

  /**
   * Completes a task through its form: the form's checks, then the case's own rules, then the
   * case records and the engine, all in one transaction; any refusal leaves nothing done.
   */
  @Transactional
  public void complete(String taskId, String username, Map<String, Object> submitted) {
    OpenStep step = find(taskId);
    requireMayWork(step, username);
    if (step.assignee() != null && !step.assignee().equals(username)) {
      throw ApiProblem.conflict("task.claimedOther", taskId, step.assignee());
    }
    if (step.delegated()) {
      throw ApiProblem.conflict("task.delegated.resolveFirst", taskId); // the delegate gives it back; its owner completes
    }
    TaskForm form = forms.forKey(step.formKey()).orElseThrow(
        () -> ApiProblem.conflict("task.noForm", taskId));
    TaskForm.Checked checked = form.check(submitted == null ? Map.of() : submitted);
    String caseRef = step.caseRef();
    List<FieldProblem> errors = new ArrayList<>(checked.errors());
    Map<String, Object> processVariables = steps.variablesOf(taskId);
    for (TaskCompletionHook hook : hooks) {
      if (hook.kind().owns(caseRef) && errors.isEmpty()) {
        errors.addAll(hook.check(step.stepKey(), processVariables, checked.values()));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "task.form.invalid", taskId);
    }
    for (TaskCompletionHook hook : hooks) {
      if (hook.kind().owns(caseRef)) {
        hook.beforeComplete(caseRef, step.stepKey(), checked.values(), username);
      }
    }
    try {
      steps.complete(taskId, checked.values(), username, step.assignee() == null);
    } catch (StepTakenException e) {
      throw ApiProblem.conflict("task.changedJustNow", taskId);
    }
    // the engine's listener has just ended the work item, in this transaction
    items.findById(taskId).ifPresent(item -> item.decided(form.outcomeKeyOf(checked.values()),
        form.opinionOf(checked.values())));
  }

  public Optional<WorkItem> workItem(String taskId) {
    return items.findById(taskId);
  }

  public TaskForm formOf(String formKey) {
    return forms.forKey(formKey).orElse(null);
  }

  /** The open step, if the person may work it (404 alike when there is none and when it is not theirs). */
  OpenStep openFor(String taskId, String username) {
    OpenStep step = find(taskId);
    requireMayWork(step, username);
    return step;
  }

  private OpenStep find(String taskId) {
    return steps.openStep(taskId).orElseThrow(() -> ApiProblem.notFound("task.none", taskId));
  }

  private void requireMayWork(OpenStep step, String username) {
    if (username.equals(step.assignee()) || step.candidateUsers().contains(username)) {
      return;
    }
    Set<String> groups = steps.groupsOf(username);
    if (step.candidateGroups().stream().noneMatch(groups::contains)) {
      throw ApiProblem.notFound("no open task " + step.id()); // another department's: as if there were none
    }
  }

  private static InboxTask view(OpenStep step) {
    return new InboxTask(step.id(), step.name(), step.stepKey(), step.caseRef(), step.departmentCode(), step.assignee(),
        step.due(), step.formKey(), step.overdue(), step.owner(), step.delegated());
  }
}
