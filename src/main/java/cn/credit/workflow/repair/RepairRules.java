package cn.credit.workflow.repair;

import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.deadline.RuleProfile;
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

  /**
   * The table's answer for the kind of record, with the extra materials the rule profile asks for
   * records of its severity (令 36 art. 15 asks none: they are a regional profile's, never the table's).
   */
  RepairRequirement of(Severity severity, RecordType type, RuleProfile profile) {
    return fromResult(processes.decide(DECISION_KEY, Map.of("severity", severity.name(), "recordType", type.name())),
        profile.materialsFor(severity.name()), profile.name());
  }

  static RepairRequirement fromResult(Map<String, Object> entry, List<String> extraMaterials, String profile) {
    return new RepairRequirement(Boolean.TRUE.equals(entry.get("repairable")),
        Boolean.TRUE.equals(entry.get("leaderSignOff")), List.copyOf(extraMaterials), (String) entry.get("refusal"),
        profile);
  }
}
