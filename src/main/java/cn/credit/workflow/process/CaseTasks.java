package cn.credit.workflow.process;

import cn.credit.workflow.department.Department;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The thin adapter between the engine's tasks and the application's cases: ids and variables stay here. */
@Component
public class CaseTasks {

  /** Task-local variable set when a task's deadline has passed. */
  public static final String OVERDUE = "overdue";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final FormService formService;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final Map<String, String> processKeys = new ConcurrentHashMap<>();

  CaseTasks(TaskService taskService, RuntimeService runtimeService, FormService formService,
      IdentityService identityService, HistoryService historyService, RepositoryService repositoryService,
      ManagementService managementService) {
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.formService = formService;
    this.identityService = identityService;
    this.historyService = historyService;
  }

  /**
   * The form a task of a model is completed with: the model's camunda:formKey as written, from the
   * engine's deployment cache (ProcessModelsTest keeps every key a literal, so it is also the value a
   * task query with initializeFormKeys() gives).
   */
  public String formKeyOf(DelegateTask task) {
    return task.getProcessDefinitionId() == null ? null
        : formService.getTaskFormKey(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  public Optional<TaskRef> find(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    String group = taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
    return Optional.of(new TaskRef(task.getId(), task.getName(), task.getProcessInstanceId(),
        caseRefOf(task.getProcessInstanceId()), departmentOf(group), task.getAssignee(), task.getDueDate(),
        processKeyOf(task.getProcessDefinitionId()), task.getTaskDefinitionKey(), group));
  }

  /** The same, for a task the engine is creating right now (inside a task listener). */
  public static TaskRef of(DelegateTask task) {
    String group = task.getCandidates().stream()
        .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).findFirst().orElse(null);
    String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessEngineServices()
        .getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
    return new TaskRef(task.getId(), task.getName(), task.getProcessInstanceId(),
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), departmentOf(group),
        task.getAssignee(), task.getDueDate(), processKey, task.getTaskDefinitionKey(), group);
  }

  /** The open step with this id, with its form key, candidates and overdue mark. */
  public Optional<OpenStep> openStep(String stepId) {
    Task task = taskService.createTaskQuery().taskId(stepId).initializeFormKeys().singleResult();
    if (task == null) {
      return Optional.empty();
    }
    List<IdentityLink> candidates = taskService.getIdentityLinksForTask(stepId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
    return Optional.of(new OpenStep(task.getId(), task.getName(), task.getTaskDefinitionKey(),
        caseRefOf(task.getProcessInstanceId()), task.getAssignee(), task.getDueDate(), task.getFormKey(),
        Boolean.TRUE.equals(taskService.getVariableLocal(stepId, OVERDUE)),
        candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList(),
        candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).toList(), task.getOwner(),
        task.getDelegationState() == DelegationState.PENDING, processKeyOf(task.getProcessDefinitionId())));
  }

  /** The groups a person is a member of in the engine's identity (their department, leaders' groups). */
  public Set<String> groupsOf(String username) {
    return identityService.createGroupQuery().groupMember(username).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
  }

  /** The case's variables as the step sees them. */
  public Map<String, Object> variablesOf(String stepId) {
    return taskService.getVariables(stepId);
  }

  /** Takes the step for a person; {@link StepTakenException} when someone else was quicker. */
  public void claim(String stepId, String username) {
    try {
      taskService.claim(stepId, username);
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw new StepTakenException(e);
    }
  }

  /** Gives a claimed step to another person (转办): they work it from now on, as if they had claimed it. */
  public void transfer(String stepId, String username) {
    try {
      taskService.setAssignee(stepId, username);
    } catch (OptimisticLockingException e) {
      throw new StepTakenException(e);
    }
  }

  /**
   * Lets another person work a step for its assignee (委派, the engine's delegation): the assignee
   * becomes its owner, and gets it back when the delegate resolves it.
   */
  public void delegate(String stepId, String username) {
    try {
      taskService.delegateTask(stepId, username);
    } catch (OptimisticLockingException e) {
      throw new StepTakenException(e);
    }
  }

  /** The delegate is done: the step goes back to its owner. */
  public void resolve(String stepId) {
    try {
      taskService.resolveTask(stepId);
    } catch (OptimisticLockingException e) {
      throw new StepTakenException(e);
    }
  }

  /** Gives a claimed step back to its department's queue. */
  public void handBack(String stepId) {
    taskService.setAssignee(stepId, null);
  }

  /**
   * Completes a step for a person (claiming it first when nobody has); who did it goes with the
   * values. {@link StepTakenException} when someone else changed it at the same moment.
   */
  public void complete(String stepId, Map<String, Object> values, String username, boolean claimFirst) {
    Map<String, Object> variables = new HashMap<>(values);
    variables.put(ModelNames.LAST_ACTOR, username);
    try {
      if (claimFirst) {
        taskService.claim(stepId, username);
      }
      taskService.complete(stepId, variables);
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw new StepTakenException(e);
    }
  }

  /** A task-local variable (an old deadline watch kept its run's id there). */
  public Object localVariable(String stepId, String name) {
    return taskService.getVariableLocal(stepId, name);
  }

  public void setLocalVariable(String stepId, String name, Object value) {
    taskService.setVariableLocal(stepId, name, value);
  }

  public void removeLocalVariable(String stepId, String name) {
    taskService.removeVariableLocal(stepId, name);
  }

  /**
   * A finished or open step of the case's history, oldest first: which step of which model (its
   * name as the task had it), who, when, due, how it ended.
   */
  public record StepHistory(String processKey, String stepKey, String name, String assignee, Date started, Date due,
      Date ended, String endReason) {}

  public List<StepHistory> historyOf(String caseRef) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseRef)
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .map(t -> new StepHistory(t.getProcessDefinitionKey(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getStartTime(), t.getDueDate(), t.getEndTime(),
            t.getDeleteReason())).toList();
  }

  /** Whether the engine has any open task at all. */
  public boolean anyOpen() {
    return taskService.createTaskQuery().count() > 0;
  }

  /** What a work item is made of, read from the engine's task table. */
  public record TaskSnapshot(String taskId, String processDefinitionId, String stepKey, String name, Date created,
      String caseRef, String candidateGroup, String formKey, String assignee, Date due) {}

  /**
   * A page of the open tasks, oldest first (for listing them once on an upgraded installation); a
   * task outside any process has no process definition.
   */
  public List<TaskSnapshot> openTasks(int first, int size) {
    return taskService.createTaskQuery().initializeFormKeys().orderByTaskCreateTime().asc().orderByTaskId().asc()
        .listPage(first, size).stream()
        .map(t -> new TaskSnapshot(t.getId(), t.getProcessDefinitionId(), t.getTaskDefinitionKey(), t.getName(),
            t.getCreateTime(), caseRefOf(t.getProcessInstanceId()), taskService.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null), t.getFormKey(), t.getAssignee(), t.getDueDate()))
        .toList();
  }

  /** An open task with the moment it was created. */
  public record Created(TaskRef task, Date at) {}

  /** The open tasks of a step in one run: one, or each instance of a multi-instance step. */
  public List<Created> openOf(String processInstanceId, String stepKey) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(stepKey).list().stream()
        .map(t -> find(t.getId()).map(ref -> new Created(ref, t.getCreateTime())).orElse(null))
        .filter(Objects::nonNull).toList();
  }

  /** The open tasks of one run (not of the runs it called). */
  public List<TaskRef> openTasksOfRun(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .map(t -> find(t.getId()).orElse(null)).filter(Objects::nonNull).toList();
  }

  /**
   * Moves the pending timer {@code boundaryEventId} of the run a task is in to {@code at}; a timer
   * that has fired is gone and stays gone. Returns whether there was one to move.
   */
  public boolean moveTimer(String taskId, String boundaryEventId, Date at) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    List<Job> jobs = task == null ? List.of() : managementService.createJobQuery()
        .processInstanceId(task.getProcessInstanceId()).activityId(boundaryEventId).timers().list();
    jobs.forEach(job -> managementService.setJobDuedate(job.getId(), at));
    return !jobs.isEmpty();
  }

  /** Removes the pending timer {@code boundaryEventId} of a task's run (a moment that has passed already). */
  public void dropTimer(String taskId, String boundaryEventId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(boundaryEventId)
          .timers().list().forEach(job -> managementService.deleteJob(job.getId()));
    }
  }

  /** When the pending timer {@code boundaryEventId} of a task's run fires, if it is pending. */
  public Optional<Date> timerOf(String taskId, String boundaryEventId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return task == null ? Optional.empty() : managementService.createJobQuery()
        .processInstanceId(task.getProcessInstanceId()).activityId(boundaryEventId).timers().list().stream()
        .map(Job::getDuedate).findFirst();
  }

  public void markOverdue(String taskId) {
    taskService.setVariableLocal(taskId, OVERDUE, true);
  }

  public void moveDue(String taskId, Date due) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(due);
    taskService.saveTask(task);
    taskService.setVariableLocal(taskId, OVERDUE, false);
  }

  private String processKeyOf(String processDefinitionId) {
    return processDefinitionId == null ? null
        : processKeys.computeIfAbsent(processDefinitionId, id -> repositoryService.getProcessDefinition(id).getKey());
  }

  private String caseRefOf(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  /** A task offered to "market-leaders" is the market department's, as one offered to "market" is. */
  public static String departmentOf(String candidateGroup) {
    if (candidateGroup == null) {
      return null;
    }
    String leaders = Department.leaderGroupId("");
    return candidateGroup.endsWith(leaders)
        ? candidateGroup.substring(0, candidateGroup.length() - leaders.length()) : candidateGroup;
  }
}
