package cn.credit.workflow.calendar;

import cn.credit.workflow.system.FieldProblem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One year's announced days, checked before anything is stored. The text form, one line per day
 * or range, is what an administrator pastes from the State Council's notice:
 * <pre>2027-02-06..2027-02-14  休 春节
 * 2027-02-05              班 春节调休上班</pre>
 */
public final class YearSchedule {

  /** The years a calendar may be loaded for, and that dates are counted in. */
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  private final int year;
  private final List<ScheduledDay> days;

  private YearSchedule(int year, List<ScheduledDay> days) {
    this.year = year;
    this.days = List.copyOf(days);
  }

  public int year() {
    return year;
  }

  public List<ScheduledDay> days() {
    return days;
  }

  /** Parses the text form; every problem is reported, each with its line number. */
  public static YearSchedule parse(int year, String text) {
    List<FieldProblem> errors = new ArrayList<>();
    List<ScheduledDay> days = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      int number = i + 1;
      if (parts.length < 3) {
        errors.add(FieldProblem.of("", "calendar.line.format", number, line));
        continue;
      }
      DayKind kind = kindOf(parts[1]);
      if (kind == null) {
        errors.add(FieldProblem.of("", "calendar.line.kind", number, line, parts[1]));
        continue;
      }
      try {
        String[] range = parts[0].split("\\.\\.");
        LocalDate first = LocalDate.parse(range[0]);
        LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
        if (last.isBefore(first)) {
          errors.add(FieldProblem.of("", "calendar.line.rangeBackwards", number, line));
          continue;
        }
        if (range.length > 1 && (first.getYear() != year || last.getYear() != year)) {
          // not day by day: 2027-01-01..+999999999-12-31 would be billions of them
          errors.add(FieldProblem.of("", "calendar.line.rangeYear", number, line, year));
          continue;
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
          days.add(new ScheduledDay(day, kind, parts[2].strip()));
        }
      } catch (DateTimeParseException e) {
        errors.add(FieldProblem.of("", "calendar.line.date", number, line));
      }
    }
    try {
      YearSchedule schedule = of(year, days);
      if (errors.isEmpty()) {
        return schedule;
      }
    } catch (InvalidScheduleException e) {
      if (!days.isEmpty() || errors.isEmpty()) {
        errors.addAll(e.errors());
      }
    }
    throw new InvalidScheduleException(errors);
  }

  /** Checks a list of days: all in the year, none listed twice, make-up days only on weekends. */
  public static YearSchedule of(int year, List<ScheduledDay> days) {
    List<FieldProblem> errors = new ArrayList<>();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      errors.add(FieldProblem.of("", "calendar.year.range", year, FIRST_YEAR, LAST_YEAR));
    }
    if (days == null || days.isEmpty()) {
      errors.add(FieldProblem.of("", "calendar.noDays", year));
      throw new InvalidScheduleException(errors);
    }
    Map<LocalDate, ScheduledDay> seen = new LinkedHashMap<>();
    for (int i = 0; i < days.size(); i++) {
      ScheduledDay day = days.get(i);
      if (day == null || day.date() == null || day.kind() == null || day.name() == null || day.name().isBlank()) {
        errors.add(FieldProblem.of("days[" + i + "]", "calendar.day.incomplete"));
        continue;
      }
      if (day.date().getYear() != year) {
        errors.add(FieldProblem.of("", "calendar.day.otherYear", day.date(), year));
      }
      if (day.name().length() > 60) {
        errors.add(FieldProblem.of("", "calendar.day.nameTooLong", day.date(), 60));
      }
      ScheduledDay earlier = seen.putIfAbsent(day.date(), day);
      if (earlier != null && earlier.kind() != day.kind()) {
        errors.add(FieldProblem.of("", "calendar.day.offAndWork", day.date(), earlier.name(), day.name()));
      } else if (earlier != null) {
        errors.add(FieldProblem.of("", "calendar.day.twice", day.date(), earlier.name(), day.name()));
      }
      boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
      if (day.kind() == DayKind.WORK && !weekend) {
        errors.add(FieldProblem.of("", "calendar.day.workOnWeekday", day.date(),
            day.date().getDayOfWeek().name().toLowerCase(Locale.ROOT)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidScheduleException(errors);
    }
    return new YearSchedule(year, new ArrayList<>(seen.values()));
  }

  private static DayKind kindOf(String word) {
    return switch (word.toUpperCase()) {
      case "休", "OFF" -> DayKind.OFF;
      case "班", "WORK" -> DayKind.WORK;
      default -> null;
    };
  }

  /** Everything wrong with a schedule; nothing of it was stored. */
  public static class InvalidScheduleException extends RuntimeException {
    private final List<FieldProblem> errors;

    InvalidScheduleException(List<FieldProblem> errors) {
      super(errors.toString());
      this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
      return errors;
    }
  }
}
