package cn.credit.workflow.inbox;

import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.system.ApiProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared task list: what a person may see, claim and complete. A task is theirs when it is
 * assigned to them, or unassigned and offered to one of their groups (their department).
 */
@Service
public class InboxService {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final TaskForms forms;
  private final List<TaskCompletionHook> hooks;
  private final TaskLists lists;
  private final WorkItemRepository items;
  private final Clock clock;

  InboxService(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      TaskForms forms, List<TaskCompletionHook> hooks, TaskLists lists, WorkItemRepository items, Clock clock) {
    this.items = items;
    this.lists = lists;
    this.clock = clock;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.forms = forms;
    this.hooks = hooks;
  }

  /** An open task as the inbox shows it. */
  public record InboxTask(String id, String name, String taskKey, String caseRef, String department, String assignee,
      Date due, String formKey, boolean overdue) {}

  /** The caller's own open tasks, then the department's unclaimed ones; each due date first, a page of each. */
  @Transactional(readOnly = true)
  public List<InboxTask> tasksOf(String username) {
    List<InboxTask> result = new ArrayList<>();
    for (TaskLists.Queue queue : List.of(TaskLists.Queue.MINE, TaskLists.Queue.DEPARTMENT)) {
      lists.page(username, queue, TaskLists.Filter.none(), 0, TaskLists.MAX_PAGE_SIZE).forEach(item -> result.add(
          new InboxTask(item.getTaskId(), item.getStepName(), item.getStepKey(), item.getCaseRef(),
              item.getDepartmentCode(), item.getAssignee(), item.getDueAt() == null ? null : Date.from(item.getDueAt()),
              item.getFormKey(), item.getDueAt() != null && item.getDueAt().isBefore(clock.instant()))));
    }
    return result;
  }

  @Transactional(readOnly = true)
  public InboxTask task(String taskId, String username) {
    Task task = find(taskId);
    requireMayWork(task, username);
    return view(task);
  }

  @Transactional
  public InboxTask claim(String taskId, String username) {
    Task task = find(taskId);
    requireMayWork(task, username); // first: only the task's own department learns who has it
    if (task.getAssignee() != null && !task.getAssignee().equals(username)) {
      throw ApiProblem.conflict("task " + taskId + " is already claimed by " + task.getAssignee());
    }
    try {
      taskService.claim(taskId, username);
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw ApiProblem.conflict("task " + taskId + " was claimed by someone else a moment ago");
    }
    return view(find(taskId));
  }

  /** Hands a claimed task back to the department's shared queue. */
  @Transactional
  public InboxTask unclaim(String taskId, String username) {
    Task task = find(taskId);
    requireMayWork(task, username);
    if (!username.equals(task.getAssignee())) {
      throw ApiProblem.forbidden("only the person who claimed task " + taskId + " hands it back");
    }
    if (candidateGroups(taskId).isEmpty()) {
      throw ApiProblem.conflict("task " + taskId + " is personal and has no department queue to go back to");
    }
    taskService.setAssignee(taskId, null);
    return view(find(taskId));
  }

  /**
   * Completes a task through its form: the form's checks, then the case's own rules, then the
   * case records and the engine, all in one transaction; any refusal leaves nothing done.
   */
  @Transactional
  public void complete(String taskId, String username, Map<String, Object> submitted) {
    Task task = find(taskId);
    requireMayWork(task, username);
    if (task.getAssignee() != null && !task.getAssignee().equals(username)) {
      throw ApiProblem.conflict("task " + taskId + " is claimed by " + task.getAssignee());
    }
    TaskForm form = forms.forKey(task.getFormKey()).orElseThrow(
        () -> ApiProblem.conflict("task " + taskId + " has no form to complete it with"));
    TaskForm.Checked checked = form.check(submitted == null ? Map.of() : submitted);
    String caseRef = caseRef(task);
    List<String> errors = new ArrayList<>(checked.errors());
    Map<String, Object> processVariables = taskService.getVariables(taskId);
    for (TaskCompletionHook hook : hooks) {
      if (hook.kind().owns(caseRef) && errors.isEmpty()) {
        errors.addAll(hook.check(task.getTaskDefinitionKey(), processVariables, checked.values()));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable("the form of task " + taskId + " has errors; nothing was saved", errors);
    }
    for (TaskCompletionHook hook : hooks) {
      if (hook.kind().owns(caseRef)) {
        hook.beforeComplete(caseRef, task.getTaskDefinitionKey(), checked.values(), username);
      }
    }
    try {
      if (task.getAssignee() == null) {
        taskService.claim(taskId, username);
      }
      Map<String, Object> variables = new HashMap<>(checked.values());
      variables.put(ModelNames.LAST_ACTOR, username);
      taskService.complete(taskId, variables);
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw ApiProblem.conflict("task " + taskId + " was changed by someone else a moment ago; reload it");
    }
  }

  public Optional<WorkItem> workItem(String taskId) {
    return items.findById(taskId);
  }

  public TaskForm formOf(String formKey) {
    return forms.forKey(formKey).orElse(null);
  }

  private Task find(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      throw ApiProblem.notFound("no open task " + taskId);
    }
    return task;
  }

  private void requireMayWork(Task task, String username) {
    if (username.equals(task.getAssignee())) {
      return;
    }
    List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).toList();
    Set<String> groups = identityService.createGroupQuery().groupMember(username).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    boolean candidate = candidates.stream().anyMatch(l -> username.equals(l.getUserId())
        || (l.getGroupId() != null && groups.contains(l.getGroupId())));
    if (!candidate) {
      throw ApiProblem.notFound("no open task " + task.getId()); // another department's: as if there were none
    }
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private String caseRef(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private InboxTask view(Task task) {
    List<String> groups = candidateGroups(task.getId());
    String department = groups.isEmpty() ? null : CaseTasks.departmentOf(groups.get(0));
    Object overdue = taskService.getVariableLocal(task.getId(), CaseTasks.OVERDUE);
    return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), caseRef(task), department,
        task.getAssignee(), task.getDueDate(), task.getFormKey(), Boolean.TRUE.equals(overdue));
  }
}
