package cn.credit.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.record.PenaltyType;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decision table of processes/record-severity.dmn in a standalone DMN engine, and how several penalties combine. */
class SeverityTableTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = SeverityTableTest.class.getResourceAsStream("/processes/record-severity.dmn")) {
      decision = dmn.parseDecision(SeverityTable.DECISION_KEY, model);
    }
  }

  static Severity classify(RecordType type, Collection<PenaltyType> penalties) {
    return SeverityTable.classify(type, penalties, inputs -> {
      DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, inputs);
      assertThat(result).as("a rule for %s", inputs).isNotEmpty();
      return result.getFirstResult().getEntryMap();
    });
  }

  @Test
  void theListsTakeTheirClassWhateverThePenalty() {
    assertThat(classify(RecordType.SERIOUS_DISHONESTY_LIST, Set.of())).isEqualTo(Severity.SERIOUS);
    assertThat(classify(RecordType.SERIOUS_DISHONESTY_LIST, Set.of(PenaltyType.WARNING))).isEqualTo(Severity.SERIOUS);
    assertThat(classify(RecordType.ABNORMAL_OPERATION, Set.of())).as("令 36 art. 8").isEqualTo(Severity.MINOR);
    assertThat(classify(RecordType.OTHER, Set.of())).isEqualTo(Severity.GENERAL);
  }

  @Test
  void aPenaltyIsClassedByWhatItImposes() {
    assertThat(classify(RecordType.ADMINISTRATIVE_PENALTY, Set.of(PenaltyType.WARNING))).isEqualTo(Severity.MINOR);
    assertThat(classify(RecordType.ADMINISTRATIVE_PENALTY, Set.of(PenaltyType.FINE_SMALL))).isEqualTo(Severity.MINOR);
    assertThat(classify(RecordType.ADMINISTRATIVE_PENALTY, Set.of(PenaltyType.CONFISCATION))).isEqualTo(Severity.GENERAL);
    assertThat(classify(RecordType.ADMINISTRATIVE_PENALTY, Set.of(PenaltyType.LICENCE_REVOKED))).isEqualTo(Severity.SERIOUS);
    assertThat(classify(RecordType.ADMINISTRATIVE_PENALTY, Set.of(PenaltyType.MARKET_BAN))).isEqualTo(Severity.SERIOUS);
  }

  @Test
  void severalPenaltiesTakeTheMostSevereWhosePeriodIsTheLongest() {
    assertThat(classify(RecordType.ADMINISTRATIVE_PENALTY, List.of(PenaltyType.WARNING, PenaltyType.FINE_LARGE)))
        .isEqualTo(Severity.GENERAL);
    assertThat(classify(RecordType.ADMINISTRATIVE_PENALTY,
        List.of(PenaltyType.FINE_SMALL, PenaltyType.LICENCE_SUSPENDED, PenaltyType.CONFISCATION)))
        .isEqualTo(Severity.SERIOUS);
  }

  @Test
  void theTableIsAskedOncePerPenaltyWithoutTheEngine() {
    List<Object> asked = new ArrayList<>();
    Map<String, String> answers = Map.of("WARNING", "MINOR", "FINE_LARGE", "SERIOUS", "CONFISCATION", "GENERAL");
    Severity severity = SeverityTable.classify(RecordType.ADMINISTRATIVE_PENALTY,
        List.of(PenaltyType.WARNING, PenaltyType.FINE_LARGE, PenaltyType.CONFISCATION), inputs -> {
          asked.add(inputs.get("penaltyType"));
          Map<String, Object> out = new HashMap<>();
          out.put("severity", answers.get((String) inputs.get("penaltyType")));
          return out;
        });
    assertThat(severity).isEqualTo(Severity.SERIOUS);
    assertThat(asked).containsExactly("WARNING", "FINE_LARGE", "CONFISCATION");
  }

  @ParameterizedTest
  @EnumSource(PenaltyType.class)
  void everyPenaltyTypeHasARule(PenaltyType penalty) {
    for (RecordType type : RecordType.values()) {
      assertThat(classify(type, Set.of(penalty))).isNotNull();
    }
  }
}
