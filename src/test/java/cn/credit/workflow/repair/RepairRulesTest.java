package cn.credit.workflow.repair;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.TestTexts;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.text.Text;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decision table of processes/repair-rules.dmn on its own, in a standalone DMN engine. */
class RepairRulesTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = RepairRulesTest.class.getResourceAsStream("/processes/repair-rules.dmn")) {
      decision = dmn.parseDecision(RepairRules.DECISION_KEY, model);
    }
  }

  static RepairRequirement evaluate(Severity severity, RecordType type) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision,
        Map.of("severity", severity.name(), "recordType", type.name()));
    assertThat(result).as("a rule for %s %s", severity, type).isNotEmpty();
    return RepairRules.fromResult(result.getFirstResult().getEntryMap(), List.of(), "test");
  }

  @ParameterizedTest
  @EnumSource(Severity.class)
  void aRecordPublishedForABrokenCommitmentIsNeverRepairableEarly(Severity severity) {
    RepairRequirement rule = evaluate(severity, RecordType.BROKEN_COMMITMENT);
    assertThat(rule.repairable()).isFalse();
    // the table names its refusal by a code; the bundles word it
    assertThat(TestTexts.zh(Text.of("repair.refusal." + rule.refusal()))).contains("违背信用承诺");
  }

  @ParameterizedTest
  @EnumSource(value = RecordType.class, names = "BROKEN_COMMITMENT", mode = EnumSource.Mode.EXCLUDE)
  void seriousRecordsNeedTheLeadersSignOffAndTheTableAsksNoExtraMaterial(RecordType type) {
    RepairRequirement rule = evaluate(Severity.SERIOUS, type);
    assertThat(rule.repairable()).isTrue();
    assertThat(rule.leaderSignOff()).isTrue();
    // 令 36 art. 15: proof and commitment only; a regional profile's materials are not the table's
    assertThat(rule.extraMaterials()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = RecordType.class, names = "BROKEN_COMMITMENT", mode = EnumSource.Mode.EXCLUDE)
  void minorAndGeneralRecordsNeedNoExtraMaterialAndNoSignOff(RecordType type) {
    for (Severity severity : List.of(Severity.MINOR, Severity.GENERAL)) {
      RepairRequirement rule = evaluate(severity, type);
      assertThat(rule.repairable()).isTrue();
      assertThat(rule.leaderSignOff()).isFalse();
      assertThat(rule.extraMaterials()).isEmpty();
      assertThat(rule.refusal()).isNullOrEmpty();
    }
  }

  @Test
  void everyCombinationOfSeverityAndTypeHasARule() {
    for (Severity severity : Severity.values()) {
      for (RecordType type : RecordType.values()) {
        assertThat(dmn.evaluateDecisionTable(decision, Map.of("severity", severity.name(), "recordType", type.name())))
            .as("%s %s", severity, type).isNotEmpty();
      }
    }
  }
}
