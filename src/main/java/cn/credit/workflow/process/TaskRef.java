package cn.credit.workflow.process;

import java.util.Date;

/**
 * An open task as the rest of the application speaks of it: which case, which department, whose,
 * due when, and which step of which model (for its name in a person's language, {@link StepNames}).
 * Built by {@link CaseTasks} from the engine.
 */
public record TaskRef(String taskId, String name, String processInstanceId, String caseRef, String departmentCode,
    String assignee, Date due, String processKey, String stepKey) {

  /** A task known without its model (the keys unknown): its name is the one given. */
  public TaskRef(String taskId, String name, String processInstanceId, String caseRef, String departmentCode,
      String assignee, Date due) {
    this(taskId, name, processInstanceId, caseRef, departmentCode, assignee, due, null, null);
  }

  public TaskRef withDue(Date newDue) {
    return new TaskRef(taskId, name, processInstanceId, caseRef, departmentCode, assignee, newDue, processKey, stepKey);
  }
}
