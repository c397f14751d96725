package cn.credit.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The days the law fixes (放假办法 art. 2, as revised in 2024), computed for a year, against the
 * real State Council notices of 2025 and 2026: each computed day is a day off of the notice under
 * the same holiday, and each holiday of the notice has its computed days. The notices' bridge days
 * (e.g. 2026-02-15, 02-20..23) are not the law's and are not computed.
 */
class StatutoryHolidaysTest {

  private final StatutoryHolidays law = StatutoryHolidays.shipped();

  @ParameterizedTest
  @ValueSource(ints = {2025, 2026})
  void theLawsDaysAreDaysOffOfTheNoticeUnderTheSameHoliday(int year) throws IOException {
    String text = new ClassPathResource("calendar/" + year + ".txt").getContentAsString(StandardCharsets.UTF_8);
    Map<LocalDate, String> noticeOff = YearSchedule.parse(year, text).days().stream()
        .filter(d -> d.kind() == DayKind.OFF).collect(Collectors.toMap(ScheduledDay::date, ScheduledDay::name));
    Map<LocalDate, String> computed = law.daysOff(year);

    // 1 + 4 + 1 + 2 + 1 + 1 + 3 days, none falling on another (Mid-Autumn 2025 is 10-06, after National Day)
    assertThat(computed).hasSize(13);
    computed.forEach((day, name) -> {
      assertThat(noticeOff).as("%s (%s) is off in the %d notice", day, name, year).containsKey(day);
      assertThat(noticeOff.get(day)).as("%s", day).contains(name);
    });
    // and every holiday the notice names has its days computed
    noticeOff.values().stream().flatMap(n -> java.util.Arrays.stream(n.split("、"))).distinct()
        .forEach(holiday -> assertThat(computed.values()).as("the law's days of %s", holiday).contains(holiday));
  }

  @Test
  void theLunarHolidaysOf2027AndALeapFifthMonth() {
    Map<LocalDate, String> y2027 = law.daysOff(2027);
    // 2027: 正月初一 is 02-06, so 除夕 02-05 and 初一..初三 02-06..02-08
    assertThat(new TreeMap<>(y2027).entrySet().stream().filter(e -> e.getValue().equals("春节")).map(Map.Entry::getKey))
        .containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7),
            LocalDate.of(2027, 2, 8));
    // 2028 has a leap fifth month: 端午 is in the ordinary fifth month (05-28), not the leap one (06-27)
    assertThat(law.daysOff(2028)).containsEntry(LocalDate.of(2028, 5, 28), "端午节")
        .doesNotContainKey(LocalDate.of(2028, 6, 27));
  }

  @Test
  void printsTheProvisionalDaysOfTheComingYears() {
    for (int year = 2027; year <= 2031; year++) {
      Map<String, String> byHoliday = new TreeMap<>(law.daysOff(year)).entrySet().stream().collect(Collectors.groupingBy(
          Map.Entry::getValue, java.util.LinkedHashMap::new,
          Collectors.mapping(e -> e.getKey().toString().substring(5), Collectors.joining(" "))));
      System.out.println(year + " provisional days off: " + byHoliday);
      assertThat(law.daysOff(year)).hasSizeGreaterThanOrEqualTo(12); // at most one overlap (Mid-Autumn on 10-01..03)
    }
  }

  @Test
  void aRevisionTakesEffectFromItsYearAndBeforeAnyNothingIsFixed() {
    StatutoryHolidays later = StatutoryHolidays.parse(2030, "劳动节 05-01 3");
    assertThat(later.daysOff(2029)).isEmpty();
    assertThat(later.daysOff(2030)).containsOnlyKeys(LocalDate.of(2030, 5, 1), LocalDate.of(2030, 5, 2),
        LocalDate.of(2030, 5, 3));
  }

  @Test
  void aRuleThatCannotBeComputedFailsWhenRead() {
    assertThatThrownBy(() -> StatutoryHolidays.parse(2025, "元旦 13-01 1")).hasMessageContaining("13-01");
    assertThatThrownBy(() -> StatutoryHolidays.parse(2025, "某节 节气不存在 1")).hasMessageContaining("不存在");
    assertThatThrownBy(() -> StatutoryHolidays.parse(2025, "元旦 01-01")).hasMessageContaining("line 1");
  }
}
