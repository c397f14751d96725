package cn.credit.workflow.calendar;

import cn.hutool.core.date.ChineseDate;
import cn.hutool.core.date.chinese.SolarTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The holidays the law fixes (全国年节及纪念日放假办法 art. 2), as the days off of a year whose State
 * Council notice is not loaded yet. The rules are data, {@code classpath:calendar/statutory/YYYY.txt},
 * one file per revision named by the year it takes effect; a year takes the latest revision in force.
 * Lunar dates and solar terms come from Hutool's Chinese calendar (ADR 0006); nothing is guessed of
 * the notice's bridge days or make-up working days.
 */
public final class StatutoryHolidays {

  /** No rule at all: a provisional year counts weekends only. */
  public static final StatutoryHolidays NONE = new StatutoryHolidays(new TreeMap<>());

  private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(\\d+)");
  private static final Pattern GREGORIAN = Pattern.compile("(\\d{2}-\\d{2})");
  private static final Pattern LUNAR = Pattern.compile("农历(\\d{2})-(\\d{2})");
  private static final String LUNAR_EVE = "农历除夕";
  private static final String TERM = "节气";

  private final NavigableMap<Integer, List<Rule>> revisions;
  private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

  private StatutoryHolidays(NavigableMap<Integer, List<Rule>> revisions) {
    this.revisions = revisions;
  }

  /** Reads every revision shipped in {@code classpath*:calendar/statutory/*.txt}. */
  public static StatutoryHolidays shipped() {
    try {
      NavigableMap<Integer, List<Rule>> revisions = new TreeMap<>();
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/statutory/*.txt")) {
        int from = Integer.parseInt(resource.getFilename().replace(".txt", ""));
        revisions.put(from, parseRules(resource.getContentAsString(StandardCharsets.UTF_8)));
      }
      return new StatutoryHolidays(revisions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One revision's text, in force from {@code fromYear}. */
  public static StatutoryHolidays parse(int fromYear, String text) {
    NavigableMap<Integer, List<Rule>> revisions = new TreeMap<>();
    revisions.put(fromYear, parseRules(text));
    return new StatutoryHolidays(revisions);
  }

  /** The days off the law fixes in {@code year}, by date, with the holiday's name. */
  public Map<LocalDate, String> daysOff(int year) {
    return byYear.computeIfAbsent(year, this::compute);
  }

  public boolean isDayOff(LocalDate date) {
    return daysOff(date.getYear()).containsKey(date);
  }

  private Map<LocalDate, String> compute(int year) {
    Map.Entry<Integer, List<Rule>> inForce = revisions.floorEntry(year);
    if (inForce == null || year > YearSchedule.LAST_YEAR) {
      return Map.of(); // past the library's lunar tables (1900–2100) too: weekends only
    }
    Map<LocalDate, String> days = new TreeMap<>();
    for (Rule rule : inForce.getValue()) {
      LocalDate first = rule.firstDay(year);
      for (int i = 0; i < rule.days(); i++) {
        days.merge(first.plusDays(i), rule.name(), (a, b) -> a + "、" + b); // 2028: 中秋 on 国庆
      }
    }
    return Map.copyOf(days);
  }

  private static List<Rule> parseRules(String text) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceFirst("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("statutory holidays, line " + (i + 1) + ": expected 'name first-day days': " + line);
      }
      Rule rule = new Rule(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
      rule.firstDay(2025); // an anchor that cannot be computed fails here, at start-up
      rules.add(rule);
    }
    return rules;
  }

  /** One holiday: its name, the rule of its first day and how many days it lasts. */
  record Rule(String name, String anchor, int days) {

    LocalDate firstDay(int year) {
      if (anchor.equals(LUNAR_EVE)) {
        // 除夕 is the lunar year's last day, the eve of 正月初一 (the 12th month has 29 or 30 days)
        return lunar(year, 1, 1).minusDays(1);
      }
      Matcher lunar = LUNAR.matcher(anchor);
      if (lunar.matches()) {
        return lunar(year, Integer.parseInt(lunar.group(1)), Integer.parseInt(lunar.group(2)));
      }
      if (anchor.startsWith(TERM)) {
        return solarTerm(year, anchor.substring(TERM.length()));
      }
      if (GREGORIAN.matcher(anchor).matches()) {
        try {
          return MonthDay.parse("--" + anchor).atYear(year);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("statutory holiday " + name + ": no such day " + anchor, e);
        }
      }
      throw new IllegalArgumentException("statutory holiday " + name + ": unknown first day " + anchor);
    }

    /** The lunar date in the Chinese year that starts in {@code year}; never the leap month of that number. */
    private static LocalDate lunar(int year, int month, int day) {
      // Hutool's three-argument constructor takes the leap month when the month has one (2028's fifth)
      ChineseDate date = new ChineseDate(year, month, day, false);
      return LocalDate.of(date.getGregorianYear(), date.getGregorianMonthBase1(), date.getGregorianDay());
    }

    private LocalDate solarTerm(int year, String term) {
      for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
        if (term.equals(SolarTerms.getTerm(day))) {
          return day;
        }
      }
      throw new IllegalArgumentException("statutory holiday " + name + ": no solar term " + term + " in " + year);
    }
  }
}
