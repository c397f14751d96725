package cn.credit.workflow.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicationPeriodsTest {

  /** The national rule of 令 36, as configured in application.properties. */
  static final PublicationRules NATIONAL = new PublicationRules(
      Map.of(Severity.MINOR, Period.ZERO, Severity.GENERAL, Period.ofMonths(3), Severity.SERIOUS, Period.ofYears(1)),
      Map.of(Severity.MINOR, Period.ofMonths(3), Severity.GENERAL, Period.ofYears(1), Severity.SERIOUS,
          Period.ofYears(3)));

  private final PublicationPeriods periods = new PublicationPeriods(NATIONAL);

  @ParameterizedTest(name = "{0} decided {1}: repair from {2}, ends {3}")
  @CsvSource({
      // both dates are the first day after a period counted from the day after the decision
      // (民法典 arts. 200-203, see PeriodCountingTest); a zero minimum holds nothing back
      "MINOR,   2026-03-10, 2026-03-10, 2026-06-11",
      "GENERAL, 2026-03-10, 2026-06-11, 2027-03-11",
      "SERIOUS, 2026-03-10, 2027-03-11, 2029-03-11",
      // month ends and leap days follow the calendar, not a count of days
      "GENERAL, 2025-11-30, 2026-03-01, 2026-12-01",
      "SERIOUS, 2024-02-29, 2025-03-01, 2027-03-01"})
  void periodsRunFromTheDecisionDate(Severity severity, LocalDate decided, LocalDate earliest, LocalDate end) {
    PublicationDates dates = periods.datesFor(severity, decided, null);
    assertThat(dates.earliestRepairDate()).isEqualTo(earliest);
    assertThat(dates.automaticEndDate()).isEqualTo(end);
  }

  @Test
  void aPenaltyTermThatRunsLongerHoldsBackRepairAndTheEnd() {
    LocalDate decided = LocalDate.of(2026, 1, 5);
    PublicationDates dates = periods.datesFor(Severity.GENERAL, decided, LocalDate.of(2027, 6, 30));
    // the term runs to the end of 2027-06-30
    assertThat(dates.earliestRepairDate()).isEqualTo(LocalDate.of(2027, 7, 1));
    assertThat(dates.automaticEndDate()).isEqualTo(LocalDate.of(2027, 7, 1));
  }

  @Test
  void aShortTermChangesNothing() {
    LocalDate decided = LocalDate.of(2026, 1, 5);
    PublicationDates dates = periods.datesFor(Severity.SERIOUS, decided, LocalDate.of(2026, 2, 1));
    assertThat(dates.earliestRepairDate()).isEqualTo(LocalDate.of(2027, 1, 6));
    assertThat(dates.automaticEndDate()).isEqualTo(LocalDate.of(2029, 1, 6));
  }

  @Test
  void rulesMissingASeverityAreRefusedNamingTheProperty() {
    assertThatThrownBy(() -> new PublicationRules(Map.of(Severity.MINOR, Period.ZERO), NATIONAL.maximum()))
        .hasMessageContaining("credit.rules.publication.minimum.general");
  }

  @Test
  void aMinimumLongerThanTheMaximumIsRefused() {
    assertThatThrownBy(() -> new PublicationRules(
        Map.of(Severity.MINOR, Period.ofMonths(4), Severity.GENERAL, Period.ofMonths(3), Severity.SERIOUS,
            Period.ofYears(1)), NATIONAL.maximum()))
        .hasMessageContaining("minimum.minor is longer than maximum.minor");
  }
}
