package cn.credit.workflow.process;

import cn.credit.workflow.department.Department;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  CaseTasks(TaskService taskService, RuntimeService runtimeService, FormService formService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.formService = formService;
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
    String department = departmentOf(taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null));
    return Optional.of(new TaskRef(task.getId(), task.getName(), task.getProcessInstanceId(),
        caseRefOf(task.getProcessInstanceId()), department, task.getAssignee(), task.getDueDate()));
  }

  /** The same, for a task the engine is creating right now (inside a task listener). */
  public static TaskRef of(DelegateTask task) {
    String department = departmentOf(task.getCandidates().stream()
        .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).findFirst().orElse(null));
    return new TaskRef(task.getId(), task.getName(), task.getProcessInstanceId(),
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), department,
        task.getAssignee(), task.getDueDate());
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
