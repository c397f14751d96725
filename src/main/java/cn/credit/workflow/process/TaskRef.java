package cn.credit.workflow.process;

import cn.credit.workflow.department.Department;
import java.util.Date;

/**
 * An open task as the rest of the application speaks of it: which case, which department, whose,
 * due when, and which step of which model (for its name in a person's language, {@link StepNames}).
 * {@code candidateGroup} says who is offered it: the department ({@code market}) or its leaders
 * ({@code market-leaders}, a sign-off). Built by {@link CaseTasks} from the engine.
 */
public record TaskRef(String taskId, String name, String processInstanceId, String caseRef, String departmentCode,
    String assignee, Date due, String processKey, String stepKey, String candidateGroup) {

  /** A task offered to the department itself. */
  public TaskRef(String taskId, String name, String processInstanceId, String caseRef, String departmentCode,
      String assignee, Date due, String processKey, String stepKey) {
    this(taskId, name, processInstanceId, caseRef, departmentCode, assignee, due, processKey, stepKey, departmentCode);
  }

  /** A task known without its model (the keys unknown): its name is the one given. */
  public TaskRef(String taskId, String name, String processInstanceId, String caseRef, String departmentCode,
      String assignee, Date due) {
    this(taskId, name, processInstanceId, caseRef, departmentCode, assignee, due, null, null);
  }

  /** Offered to the department's leaders (a sign-off, an extension's approval), not to its reviewers. */
  public boolean forLeaders() {
    return candidateGroup != null && departmentCode != null
        && candidateGroup.equals(Department.leaderGroupId(departmentCode));
  }

  public TaskRef withDue(Date newDue) {
    return new TaskRef(taskId, name, processInstanceId, caseRef, departmentCode, assignee, newDue, processKey, stepKey,
        candidateGroup);
  }
}
