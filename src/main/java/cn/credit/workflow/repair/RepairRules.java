package cn.credit.workflow.repair;

import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** Asks the deployed decision table {@code repairRules} (processes/repair-rules.dmn). */
@Component
class RepairRules {

  static final String DECISION_KEY = "repairRules";

  private final DecisionService decisions;

  RepairRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  RepairRequirement of(Severity severity, RecordType type) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Map.of("severity", severity.name(), "recordType", type.name()))
        .evaluate().getSingleResult();
    return fromResult(result.getEntryMap());
  }

  static RepairRequirement fromResult(Map<String, Object> entry) {
    String materials = (String) entry.get("extraMaterials");
    List<String> extra = materials == null || materials.isBlank() ? List.of()
        : Arrays.stream(materials.split(",")).map(String::strip).toList();
    return new RepairRequirement(Boolean.TRUE.equals(entry.get("repairable")),
        Boolean.TRUE.equals(entry.get("leaderSignOff")), extra, (String) entry.get("refusal"));
  }
}
