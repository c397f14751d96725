package cn.credit.workflow.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.MarketEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DishonestyRecordTest {

  private final Department market = new Department("market", "市市场监督管理局", "Market", DepartmentKind.DECIDING, 1);
  private final Instant t0 = Instant.parse("2026-05-06T01:00:00Z");

  private DishonestyRecord record() {
    MarketEntity entity = new MarketEntity("91370100MA3C4K5N0R", "济南明德建材有限公司", EntityKind.ENTERPRISE, "王明德");
    RecordFacts facts = new RecordFacts(entity, market, RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "No. 1",
        "title", "content", LocalDate.of(2026, 1, 5), null, Set.of());
    PublicationDates dates = new PublicationPeriods(PublicationPeriodsTest.NATIONAL)
        .datesFor(Severity.GENERAL, LocalDate.of(2026, 1, 5), null);
    return new DishonestyRecord(facts, dates, "reviewer.market", t0);
  }

  @Test
  void aNewRecordIsPublishedAndItsHistorySaysByWhom() {
    DishonestyRecord record = record();
    assertThat(record.getState()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(record.getHistory()).singleElement().satisfies(entry -> {
      assertThat(entry.getAction()).isEqualTo(HistoryAction.PUBLISHED);
      assertThat(entry.getActor()).isEqualTo("reviewer.market");
      assertThat(entry.getOccurredAt()).isEqualTo(t0);
    });
  }

  @Test
  void everyStateChangeAppendsAHistoryLine() {
    DishonestyRecord record = record();
    record.changeState(PublicationState.DISPUTED, "reviewer.credit-office", "异议受理", "D-1", t0.plusSeconds(60));
    record.changeState(PublicationState.PUBLISHED, "reviewer.market", "维持", "D-1", t0.plusSeconds(120));
    record.changeState(PublicationState.STOPPED, "reviewer.market", "准予修复", "R-7", t0.plusSeconds(180));

    assertThat(record.getState()).isEqualTo(PublicationState.STOPPED);
    assertThat(record.getStateChangedAt()).isEqualTo(t0.plusSeconds(180));
    assertThat(record.getHistory()).extracting(RecordHistoryEntry::getToState).containsExactly(
        PublicationState.PUBLISHED, PublicationState.DISPUTED, PublicationState.PUBLISHED, PublicationState.STOPPED);
    assertThat(record.getHistory().get(3).getFromState()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(record.getHistory().get(3).getCaseRef()).isEqualTo("R-7");
  }

  @Test
  void aMoveTheStateMachineForbidsIsRefusedAndWritesNothing() {
    DishonestyRecord record = record();
    record.changeState(PublicationState.EXPIRED, "system", "期满", null, t0);
    assertThatThrownBy(() -> record.changeState(PublicationState.DISPUTED, "x", "y", null, t0))
        .isInstanceOf(IllegalStateException.class);
    assertThat(record.getState()).isEqualTo(PublicationState.EXPIRED);
    assertThat(record.getHistory()).hasSize(2);
  }

  @Test
  void repairableFromTheEarliestDateWhilePublished() {
    DishonestyRecord record = record();
    // decided 2026-01-05: the 3 months end with 2026-04-05, repair from the day after
    assertThat(record.isRepairableOn(LocalDate.of(2026, 4, 5))).isFalse();
    assertThat(record.isRepairableOn(LocalDate.of(2026, 4, 6))).isTrue();
    record.changeState(PublicationState.STOPPED, "reviewer.market", "准予修复", "R-1", t0);
    assertThat(record.isRepairableOn(LocalDate.of(2026, 4, 6))).isFalse();
  }

  @Test
  void aClassificationOtherwiseThanTheTableIsKeptWithItsReasonAndTheTablesOwnIsNot() {
    DishonestyRecord otherwise = record();
    otherwise.registered(new IntakeDetails(Set.of(PenaltyType.WARNING), new BigDecimal("5000"), "《行政处罚法》",
        Severity.MINOR, "两年内第三次违法", false, LocalDate.of(2026, 1, 20), true), "reviewer.market", t0);
    assertThat(otherwise.getTableSeverity()).isEqualTo(Severity.MINOR);
    assertThat(otherwise.isRegisteredLate()).isTrue();
    assertThat(otherwise.getHistory()).last().satisfies(line -> {
      assertThat(line.getAction()).isEqualTo(HistoryAction.CLASSIFIED);
      assertThat(line.getChanges()).isEqualTo("severity: MINOR → GENERAL");
      assertThat(line.getReason()).isEqualTo("两年内第三次违法");
    });
    DishonestyRecord asTheTable = record();
    asTheTable.registered(new IntakeDetails(Set.of(PenaltyType.FINE_LARGE), null, null, Severity.GENERAL, null, true,
        LocalDate.of(2026, 1, 6), false), "reviewer.market", t0);
    assertThat(asTheTable.getTableSeverity()).as("kept only when the department differs").isNull();
    assertThat(asTheTable.isNeverRepairable()).isTrue();
    assertThat(asTheTable.getHistory()).hasSize(1);
  }

  @Test
  void anAmendmentWritesEveryOldValueInOneLineWithTheChangingDocument() {
    DishonestyRecord record = record();
    record.registered(new IntakeDetails(Set.of(PenaltyType.FINE_LARGE), new BigDecimal("50000"), "旧依据",
        Severity.GENERAL, null, false, LocalDate.of(2026, 1, 6), false), "reviewer.market", t0);
    PublicationDates serious = new PublicationPeriods(PublicationPeriodsTest.NATIONAL)
        .datesFor(Severity.SERIOUS, LocalDate.of(2026, 1, 5), null);
    record.amend(new RecordAmendment(null, Set.of(PenaltyType.FINE_HUGE), new BigDecimal("900000"), null,
        Severity.SERIOUS, "济市监复〔2026〕1号"), serious, "reviewer.market", t0.plusSeconds(60));
    assertThat(record.getSeverity()).isEqualTo(Severity.SERIOUS);
    assertThat(record.getAutomaticEndDate()).isEqualTo(serious.automaticEndDate());
    assertThat(record.getHistory()).last().satisfies(line -> {
      assertThat(line.getAction()).isEqualTo(HistoryAction.AMENDED);
      assertThat(line.getChanges()).contains("severity: GENERAL → SERIOUS", "penaltyTypes: [FINE_LARGE] → [FINE_HUGE]",
          "amount: 50000 → 900000", "automaticEndDate: ");
      assertThat(line.getReason()).isEqualTo("济市监复〔2026〕1号");
    });
    assertThatThrownBy(() -> record.amend(new RecordAmendment(null, null, null, null, null, "x"), serious, "r", t0))
        .as("an amendment that changes nothing writes nothing").isInstanceOf(IllegalArgumentException.class);
  }
}
