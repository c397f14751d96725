package cn.credit.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.credit.workflow.TestTexts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearScheduleTest {

  @Test
  void parsesRangesAndSingleDaysInChineseOrEnglishKinds() {
    YearSchedule schedule = YearSchedule.parse(2027, """
        # 2027 notice
        2027-01-01..2027-01-03 休 元旦
        2027-02-20 WORK 春节调休上班
        """);
    assertThat(schedule.days()).hasSize(4);
    assertThat(schedule.days()).contains(new ScheduledDay(LocalDate.of(2027, 1, 2), DayKind.OFF, "元旦"),
        new ScheduledDay(LocalDate.of(2027, 2, 20), DayKind.WORK, "春节调休上班"));
  }

  @Test
  void aDateListedBothOffAndWorkingIsRefusedWithAMessageThatNamesIt() {
    var e = catchThrowableOfType(YearSchedule.InvalidScheduleException.class, () -> YearSchedule.parse(2027, """
        2027-02-06..2027-02-12 休 春节
        2027-02-06 班 春节调休上班
        """));
    assertThat(TestTexts.en(e.errors())).containsExactly(
        "2027-02-06 is listed both as a day off and as a working day (春节 / 春节调休上班)");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    var e = catchThrowableOfType(YearSchedule.InvalidScheduleException.class, () -> YearSchedule.parse(2027, """
        2027-13-01 休 bad month
        2027-01-01 maybe 元旦
        2026-12-31 休 last year
        2027-03-03 班 a Wednesday
        just words
        """));
    assertThat(TestTexts.en(e.errors())).hasSize(5)
        .contains("2026-12-31 is not in 2027", "2027-03-03 is a wednesday: a make-up working day (班) falls on a weekend")
        .anySatisfy(m -> assertThat(m).startsWith("line 1").contains("yyyy-MM-dd"))
        .anySatisfy(m -> assertThat(m).startsWith("line 2").contains("休 or OFF"))
        .anySatisfy(m -> assertThat(m).startsWith("line 5"));
  }

  @Test
  void checksDaysGivenAsAList() {
    var e = catchThrowableOfType(YearSchedule.InvalidScheduleException.class, () -> YearSchedule.of(2027, List.of(
        new ScheduledDay(LocalDate.of(2026, 12, 31), DayKind.OFF, "x"),
        new ScheduledDay(LocalDate.of(2027, 3, 3), DayKind.WORK, "y"))));
    assertThat(TestTexts.en(e.errors())).containsExactly("2026-12-31 is not in 2027",
        "2027-03-03 is a wednesday: a make-up working day (班) falls on a weekend");
    assertThat(TestTexts.en(catchThrowableOfType(YearSchedule.InvalidScheduleException.class,
        () -> YearSchedule.of(2027, List.of())).errors())).singleElement().asString().contains("no days given");
  }

  @Test
  void theShippedYearsParseCleanly() {
    CalendarSnapshot shipped = CalendarSnapshotTest.shipped();
    assertThat(shipped.loadedYears()).containsExactlyInAnyOrder(2025, 2026);
  }
}
