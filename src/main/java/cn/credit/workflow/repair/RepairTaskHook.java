package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.inbox.TaskCompletionHook;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.system.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The repair case's rules on completing its tasks, beyond what the forms check. */
@Component
class RepairTaskHook implements TaskCompletionHook {

  private final RepairService repairs;

  RepairTaskHook(RepairService repairs) {
    this.repairs = repairs;
  }

  @Override
  public CaseKind kind() {
    return CaseKind.REPAIR;
  }

  @Override
  public List<FieldProblem> check(String taskKey, Map<String, Object> processVariables, Map<String, Object> values) {
    List<FieldProblem> errors = new ArrayList<>();
    if (ModelNames.Repair.ACCEPT.equals(taskKey) && "supplement".equals(values.get("acceptOutcome"))
        && Boolean.TRUE.equals(processVariables.get("supplementUsed"))) {
      errors.add(FieldProblem.of("acceptOutcome", "repair.supplement.usedOnce"));
    }
    // Unlike a dispute (令 36 art. 18), a repair extension has no advance-notice rule (domain §3: once,
    // with reasons, by the leader), so an extension asked after the decision's deadline is not refused.
    if (ModelNames.Repair.VERIFY_AND_DECIDE.equals(taskKey) && "extend".equals(values.get("decision"))
        && Boolean.TRUE.equals(processVariables.get("extensionUsed"))) {
      errors.add(FieldProblem.of("decision", "task.extension.once"));
    }
    return errors;
  }

  @Override
  public void beforeComplete(String caseRef, String taskKey, Map<String, Object> values, String username) {
    switch (taskKey) {
      case ModelNames.Signing.SIGN -> repairs.recordSignature(caseRef, username, (String) values.get("signatoryName"),
          (Boolean) values.get("accepted"));
      case ModelNames.Repair.PROVIDE_SUPPLEMENT -> repairs.recordSupplement(caseRef, username, (String) values.get("supplementAnswer"));
      default -> { }
    }
  }
}
