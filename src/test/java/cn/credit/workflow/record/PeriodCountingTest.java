package cn.credit.workflow.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Periods counted as the Civil Code counts them (民法典 arts. 200–203), every expected date worked
 * out by hand beside it. The decision day is not counted (art. 201); the last day of a period is the
 * day of the last month numbered like the decision day, or that month's last day when it has none
 * (art. 202); the period lasts to 24:00 of its last day (art. 203). So repair may be asked from the
 * day after the minimum's last day, and publication stops at the start of the day after the
 * maximum's last day: that day is {@code automaticEndDate}, which the daily run, expiring records
 * with {@code automaticEndDate <= today}, reaches on exactly that day and not before.
 */
class PeriodCountingTest {

  private final PublicationPeriods periods = new PublicationPeriods(PublicationPeriodsTest.NATIONAL);

  private PublicationDates general(LocalDate decided) {
    return periods.datesFor(Severity.GENERAL, decided, null);
  }

  @Test
  void decidedOnThe20thRepairFromThe21stThreeMonthsLater() {
    // counting starts 2026-01-21; 3 months end with the day numbered 20 in April: 2026-04-20, to 24:00.
    // Repair from 2026-04-21, not 2026-04-20 (the domain's own example).
    assertThat(general(LocalDate.of(2026, 1, 20)).earliestRepairDate()).isEqualTo(LocalDate.of(2026, 4, 21));
  }

  @Test
  void decidedOn31AugustThePeriodEndsOnTheLastDayOfNovember() {
    // counting starts 2026-09-01; November has no 31st, so its last day 2026-11-30 is the last day
    // of the period (art. 202). Repair from 2026-12-01.
    assertThat(general(LocalDate.of(2026, 8, 31)).earliestRepairDate()).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void decidedOn30NovemberThePeriodEndsOnTheLastDayOfFebruary() {
    // 2026-11-30 + 3 months: February 2027 has no 30th, its last day is the 28th (2027 is not a leap
    // year): repair from 2027-03-01.
    assertThat(general(LocalDate.of(2026, 11, 30)).earliestRepairDate()).isEqualTo(LocalDate.of(2027, 3, 1));
    // 2023-11-30 + 3 months: February 2024 has a 29th, the last day: repair from 2024-03-01 as well.
    assertThat(general(LocalDate.of(2023, 11, 30)).earliestRepairDate()).isEqualTo(LocalDate.of(2024, 3, 1));
  }

  @Test
  void decidedOn31DecemberThePeriodEndsOn31March() {
    // 2026-12-31 + 3 months: March has a 31st, the last day is 2027-03-31: repair from 2027-04-01.
    assertThat(general(LocalDate.of(2026, 12, 31)).earliestRepairDate()).isEqualTo(LocalDate.of(2027, 4, 1));
  }

  @Test
  void decidedOnTheLastDayOfFebruaryTheCorrespondingDayIsTheSameNumberNotTheMonthEnd() {
    // 2026-02-28 + 3 months: May has a 28th, so the corresponding day is 2026-05-28 (art. 202 takes
    // the day of the same number; a month end maps to a month end only when the number is missing):
    // repair from 2026-05-29.
    assertThat(general(LocalDate.of(2026, 2, 28)).earliestRepairDate()).isEqualTo(LocalDate.of(2026, 5, 29));
    // 2024-02-29 + 3 months: 2024-05-29, repair from 2024-05-30.
    assertThat(general(LocalDate.of(2024, 2, 29)).earliestRepairDate()).isEqualTo(LocalDate.of(2024, 5, 30));
  }

  @Test
  void decidedOn29February2024OneYearEndsOn28February2025() {
    // serious, minimum 1 year: 2025 has no 29 February, so the last day of February, 2025-02-28, is
    // the last day: repair from 2025-03-01. Maximum 3 years: 2027 has no 29 February either, last
    // day 2027-02-28, publication stops on 2027-03-01.
    PublicationDates dates = periods.datesFor(Severity.SERIOUS, LocalDate.of(2024, 2, 29), null);
    assertThat(dates.earliestRepairDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(dates.automaticEndDate()).isEqualTo(LocalDate.of(2027, 3, 1));
  }

  @Test
  void aPenaltyWhoseTermEndsOnADayMayBeRepairedFromTheNextDay() {
    // general, decided 2026-01-05: the minimum ends 2026-04-05, but the term runs to the end of
    // 2026-08-31, so repair from 2026-09-01. The maximum (last day 2027-01-05) is longer than the term
    // and still decides the end: publication stops on 2027-01-06.
    PublicationDates dates = periods.datesFor(Severity.GENERAL, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 8, 31));
    assertThat(dates.earliestRepairDate()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(dates.automaticEndDate()).isEqualTo(LocalDate.of(2027, 1, 6));
    // a term beyond the maximum (to 2027-06-30) holds publication to the end of its last day as well
    PublicationDates longTerm = periods.datesFor(Severity.GENERAL, LocalDate.of(2026, 1, 5),
        LocalDate.of(2027, 6, 30));
    assertThat(longTerm.earliestRepairDate()).isEqualTo(LocalDate.of(2027, 7, 1));
    assertThat(longTerm.automaticEndDate()).isEqualTo(LocalDate.of(2027, 7, 1));
  }

  @Test
  void theMaximumOfAGeneralRecordIsOneYearCountedFromTheDayAfter() {
    // general, decided 2026-03-10: counting starts 2026-03-11, 1 year ends with 2027-03-10, which is
    // still a day of publication; it stops on 2027-03-11.
    assertThat(general(LocalDate.of(2026, 3, 10)).automaticEndDate()).isEqualTo(LocalDate.of(2027, 3, 11));
  }

  @Test
  void theMaximumOfASeriousRecordIsThreeYearsCountedFromTheDayAfter() {
    // serious, decided 2026-03-10: 3 years end with 2029-03-10; publication stops on 2029-03-11.
    PublicationDates dates = periods.datesFor(Severity.SERIOUS, LocalDate.of(2026, 3, 10), null);
    assertThat(dates.automaticEndDate()).isEqualTo(LocalDate.of(2029, 3, 11));
  }

  @Test
  void aMinorRecordMayBeRepairedAtOnceAndIsShownAtMostThreeMonths() {
    // minor: a zero minimum holds nothing back (repair as soon as the duties are done), from the
    // decision day itself; 3 months from 2026-03-10 end with 2026-06-10, publication stops on 06-11.
    PublicationDates dates = periods.datesFor(Severity.MINOR, LocalDate.of(2026, 3, 10), null);
    assertThat(dates.earliestRepairDate()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(dates.automaticEndDate()).isEqualTo(LocalDate.of(2026, 6, 11));
  }

  @Test
  void theDailyRunStopsPublicationOnTheDayAfterTheLastDay() {
    // the run of day X expires records with automaticEndDate <= X. For a general record decided
    // 2026-03-10, the run of 2027-03-10 (its last day) leaves it published; the run of 2027-03-11 stops it.
    LocalDate end = general(LocalDate.of(2026, 3, 10)).automaticEndDate();
    assertThat(end.isAfter(LocalDate.of(2027, 3, 10))).as("not expired by the run of its last day").isTrue();
    assertThat(end.isAfter(LocalDate.of(2027, 3, 11))).as("expired by the run of the day after").isFalse();
  }
}
