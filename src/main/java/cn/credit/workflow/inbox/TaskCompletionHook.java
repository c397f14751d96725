package cn.credit.workflow.inbox;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.system.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * What a case adds when one of its tasks is completed: rules the form alone cannot check (a second
 * supplement notice, say) and domain records to write. Called in the completion's transaction.
 */
public interface TaskCompletionHook {

  /** The kind of case whose tasks this hook serves. */
  CaseKind kind();

  /** Problems that stop the completion; empty when it may go on. */
  List<FieldProblem> check(String taskDefinitionKey, Map<String, Object> processVariables, Map<String, Object> values);

  /** Writes what the completion means for the case, just before the task is completed. */
  void beforeComplete(String caseRef, String taskDefinitionKey, Map<String, Object> values, String username);
}
