package cn.credit.workflow.revocation;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.inbox.TaskCompletionHook;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.system.FieldProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The revocation case's rule beyond its form: "amended" is said once the record was amended on its
 * page after the report (the amendment page keeps the old values and the changing document).
 */
@Component
class RevocationTaskHook implements TaskCompletionHook {

  private final RevocationRepository revocations;
  private final RecordService records;

  RevocationTaskHook(RevocationRepository revocations, RecordService records) {
    this.revocations = revocations;
    this.records = records;
  }

  @Override
  public CaseKind kind() {
    return CaseKind.REVOCATION;
  }

  @Override
  public List<FieldProblem> check(String taskKey, Map<String, Object> processVariables, Map<String, Object> values) {
    if (!ModelNames.Revocation.REGISTER.equals(taskKey) || !"amend".equals(values.get("outcome"))) {
      return List.of();
    }
    Revocation revocation = revocations.findById(((Number) processVariables.get("revocationId")).longValue())
        .orElseThrow();
    if (records.amendedSince(revocation.getRecord().getId(), revocation.getReceivedAt())) {
      return List.of();
    }
    return List.of(FieldProblem.of("outcome", "revocation.amendFirst", revocation.getRecord().getDecisionNumber()));
  }

  @Override
  public void beforeComplete(String caseRef, String taskKey, Map<String, Object> values, String username) {
    // the steps of the model write what the completion means
  }
}
