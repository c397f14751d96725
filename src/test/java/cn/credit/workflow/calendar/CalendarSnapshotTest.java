package cn.credit.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** Working-day math on the real 2025 and 2026 calendars as shipped (domain.md §6). */
class CalendarSnapshotTest {

  static CalendarSnapshot shipped() {
    try {
      List<ScheduledDay> days = new ArrayList<>();
      for (int year : List.of(2025, 2026)) {
        String text = new ClassPathResource("calendar/" + year + ".txt").getContentAsString(StandardCharsets.UTF_8);
        days.addAll(YearSchedule.parse(year, text).days());
      }
      return new CalendarSnapshot(days, Set.of(2025, 2026), StatutoryHolidays.shipped());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private final CalendarSnapshot calendar = shipped();

  @ParameterizedTest(name = "{3}: {0} + {1} WD = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-09-30 | 3 | 2026-10-10 | National Day 2026, ends on the make-up Saturday (the API's example)
      2026-09-30 | 1 | 2026-10-08 | National Day 2026, first day back
      2026-09-18 | 1 | 2026-09-20 | make-up Sunday before National Day counts
      2025-09-30 | 3 | 2025-10-11 | National Day + Mid-Autumn 2025, eight days off
      2026-02-13 | 1 | 2026-02-14 | Spring Festival 2026, the make-up Saturday before it
      2026-02-13 | 2 | 2026-02-24 | Spring Festival 2026, across nine days off
      2026-02-13 | 5 | 2026-02-27 | Spring Festival 2026, a week after
      2026-02-13 | 6 | 2026-02-28 | Spring Festival 2026, the make-up Saturday after it
      2025-01-24 | 3 | 2025-02-05 | Spring Festival 2025, a make-up Sunday then eight days off
      2026-03-06 | 1 | 2026-03-09 | from a Friday: the weekend does not count
      2026-03-06 | 3 | 2026-03-11 | from a Friday, three days
      2026-10-03 | 1 | 2026-10-08 | from a holiday: the day of receipt is not counted
      2026-10-03 | 3 | 2026-10-10 | from a holiday into the make-up Saturday
      2026-10-10 | 1 | 2026-10-12 | from a make-up Saturday
      2026-05-09 | 2 | 2026-05-12 | from the Labour Day make-up Saturday
      2026-05-02 | 0 | 2026-05-02 | zero working days is the same day
      2026-03-11 | 0 | 2026-03-11 | zero working days on a working day
      2025-12-31 | 1 | 2026-01-04 | New Year 2026: three days off, then the make-up Sunday
      2026-04-03 | 1 | 2026-04-07 | Qingming 2026 over a weekend
      2026-06-18 | 1 | 2026-06-22 | Dragon Boat 2026
      2026-09-24 | 1 | 2026-09-28 | Mid-Autumn 2026
      2026-03-02 | 10 | 2026-03-16 | ten working days, two weekends
      """)
  void addsWorkingDays(LocalDate from, int workingDays, LocalDate due, String why) {
    CalendarSnapshot.CalendarDate result = calendar.plusWorkingDays(from, workingDays);
    assertThat(result.date()).as(why).isEqualTo(due);
    assertThat(result.provisional()).as(why).isFalse();
    // and back: the due date lies exactly that many working days after the start
    assertThat(calendar.workingDaysBetween(from, due).workingDays()).isEqualTo(workingDays);
  }

  @Test
  void aRangeCrossingIntoAnUnloadedYearSkipsTheLawsHolidaysAndIsProvisional() {
    // 2026-12-29 is a Tuesday; 2027 is not loaded: 12-30, 12-31 count, 2027-01-01 (Friday) is New
    // Year's Day by law (放假办法 art. 2), the weekend, then 01-04, 01-05, 01-06
    CalendarSnapshot.CalendarDate due = calendar.plusWorkingDays(LocalDate.of(2026, 12, 29), 5);
    assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 6));
    assertThat(due.provisional()).isTrue();

    CalendarSnapshot.CalendarDate inside = calendar.plusWorkingDays(LocalDate.of(2026, 12, 28), 3);
    assertThat(inside.date()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(inside.provisional()).isFalse();

    // (12-30, 01-04]: 12-31 and 01-04; 01-01 is off
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 4)))
        .isEqualTo(new CalendarSnapshot.WorkingDayCount(2, true));
    assertThat(calendar.plusWorkingDays(LocalDate.of(2027, 3, 1), 0).provisional()).isTrue();
  }

  @Test
  void withoutRulesAnUnloadedYearCountsWeekendsOnly() {
    CalendarSnapshot bare = new CalendarSnapshot(List.of(), Set.of(2026));
    assertThat(bare.plusWorkingDays(LocalDate.of(2026, 12, 29), 5).date()).isEqualTo(LocalDate.of(2027, 1, 5));
  }

  @Test
  void loadingTheNextYearMakesTheSameRangeFinal() {
    List<ScheduledDay> days = new ArrayList<>();
    days.add(new ScheduledDay(LocalDate.of(2027, 1, 1), DayKind.OFF, "元旦"));
    CalendarSnapshot with2027 = new CalendarSnapshot(days, Set.of(2026, 2027));
    CalendarSnapshot.CalendarDate due = with2027.plusWorkingDays(LocalDate.of(2026, 12, 29), 5);
    assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 6));
    assertThat(due.provisional()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "2026-10-10, 1, 2026-10-09",
      "2026-10-08, 1, 2026-09-30",
      "2026-02-24, 1, 2026-02-14",
      "2026-03-09, 1, 2026-03-06",
      "2026-03-09, 0, 2026-03-09"})
  void subtractsWorkingDays(LocalDate from, int workingDays, LocalDate expected) {
    assertThat(calendar.minusWorkingDays(from, workingDays).date()).isEqualTo(expected);
  }

  @Test
  void countsWorkingDaysBetweenTwoDatesBothWays() {
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10)).workingDays())
        .isEqualTo(3);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 9, 30)).workingDays())
        .isEqualTo(-3);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7)).workingDays())
        .isZero();
  }

  @Test
  void knowsHolidaysMakeUpDaysAndOrdinaryDays() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 17))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 15))).isTrue();
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 1, 5), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
