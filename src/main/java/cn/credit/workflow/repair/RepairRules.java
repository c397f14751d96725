package cn.credit.workflow.repair;

import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Asks the deployed decision table {@code repairRules} (processes/repair-rules.dmn). */
@Component
class RepairRules {

  static final String DECISION_KEY = "repairRules";

  private final CaseProcesses processes;

  RepairRules(CaseProcesses processes) {
    this.processes = processes;
  }

  RepairRequirement of(Severity severity, RecordType type) {
    return fromResult(processes.decide(DECISION_KEY, Map.of("severity", severity.name(), "recordType", type.name())));
  }

  static RepairRequirement fromResult(Map<String, Object> entry) {
    String materials = (String) entry.get("extraMaterials");
    List<String> extra = materials == null || materials.isBlank() ? List.of()
        : Arrays.stream(materials.split(",")).map(String::strip).toList();
    return new RepairRequirement(Boolean.TRUE.equals(entry.get("repairable")),
        Boolean.TRUE.equals(entry.get("leaderSignOff")), extra, (String) entry.get("refusal"));
  }
}
