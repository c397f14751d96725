package cn.credit.workflow.process;

import java.util.Date;
import java.util.List;

/**
 * An open step of a case as the task list works it: which step, whose, due when, with which form,
 * offered to which groups and people; {@code delegated} while a delegate works it for its {@code owner}
 * (委派, until resolved). Built by {@link CaseTasks} from the engine.
 */
public record OpenStep(String id, String name, String stepKey, String caseRef, String assignee, Date due,
    String formKey, boolean overdue, List<String> candidateGroups, List<String> candidateUsers, String owner,
    boolean delegated, String processKey) {

  /** The department whose queue the step is in, if it is in one. */
  public String departmentCode() {
    return candidateGroups.isEmpty() ? null : CaseTasks.departmentOf(candidateGroups.get(0));
  }
}
