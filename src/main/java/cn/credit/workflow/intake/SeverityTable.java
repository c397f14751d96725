package cn.credit.workflow.intake;

import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.PenaltyType;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The severity a record takes, from the decision table {@code recordSeverity}
 * (processes/record-severity.dmn, 令 36 arts. 8–10): asked once per penalty type, the most severe
 * answer governs, as its period is the longest.
 */
@Component
class SeverityTable {

  static final String DECISION_KEY = "recordSeverity";

  private final CaseProcesses processes;

  SeverityTable(CaseProcesses processes) {
    this.processes = processes;
  }

  Severity of(RecordType type, Collection<PenaltyType> penalties) {
    return classify(type, penalties, inputs -> processes.decide(DECISION_KEY, inputs));
  }

  /** Engine-free: {@code table} answers one question (record type, one penalty type or none) with its output. */
  static Severity classify(RecordType type, Collection<PenaltyType> penalties,
      Function<Map<String, Object>, Map<String, Object>> table) {
    if (penalties.isEmpty()) {
      return ask(table, type, null);
    }
    Severity most = Severity.MINOR;
    for (PenaltyType penalty : penalties) {
      Severity one = ask(table, type, penalty);
      most = one.compareTo(most) > 0 ? one : most;
    }
    return most;
  }

  private static Severity ask(Function<Map<String, Object>, Map<String, Object>> table, RecordType type,
      PenaltyType penalty) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("recordType", type.name());
    inputs.put("penaltyType", penalty == null ? null : penalty.name());
    return Severity.valueOf((String) table.apply(inputs).get("severity"));
  }
}
