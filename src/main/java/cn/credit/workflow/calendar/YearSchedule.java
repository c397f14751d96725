package cn.credit.workflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    List<String> errors = new ArrayList<>();
    List<ScheduledDay> days = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      String where = "line " + (i + 1) + " (" + line + "): ";
      if (parts.length < 3) {
        errors.add(where + "expected 'date-or-range kind name', e.g. '2027-01-01 休 元旦'");
        continue;
      }
      DayKind kind = kindOf(parts[1]);
      if (kind == null) {
        errors.add(where + "kind must be 休 or OFF (day off), 班 or WORK (make-up working day), not '" + parts[1] + "'");
        continue;
      }
      try {
        String[] range = parts[0].split("\\.\\.");
        LocalDate first = LocalDate.parse(range[0]);
        LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
        if (last.isBefore(first)) {
          errors.add(where + "the range ends before it starts");
          continue;
        }
        if (range.length > 1 && (first.getYear() != year || last.getYear() != year)) {
          // not day by day: 2027-01-01..+999999999-12-31 would be billions of them
          errors.add(where + "a range lies within " + year);
          continue;
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
          days.add(new ScheduledDay(day, kind, parts[2].strip()));
        }
      } catch (DateTimeParseException e) {
        errors.add(where + "dates are written yyyy-MM-dd, ranges first..last");
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
    List<String> errors = new ArrayList<>();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      errors.add("year " + year + " is outside " + FIRST_YEAR + ".." + LAST_YEAR);
    }
    if (days == null || days.isEmpty()) {
      errors.add("no days given for " + year + ": list its holidays (休) and make-up working days (班)");
      throw new InvalidScheduleException(errors);
    }
    Map<LocalDate, ScheduledDay> seen = new LinkedHashMap<>();
    for (int i = 0; i < days.size(); i++) {
      ScheduledDay day = days.get(i);
      if (day == null || day.date() == null || day.kind() == null || day.name() == null || day.name().isBlank()) {
        errors.add("days[" + i + "]: 每一天须有日期、类型（OFF 或 WORK）和名称 / every day needs a date, a kind (OFF or WORK)"
            + " and a name");
        continue;
      }
      if (day.date().getYear() != year) {
        errors.add(day.date() + " is not in " + year);
      }
      if (day.name().length() > 60) {
        errors.add(day.date() + ": the name is longer than 60 characters");
      }
      ScheduledDay earlier = seen.putIfAbsent(day.date(), day);
      if (earlier != null && earlier.kind() != day.kind()) {
        errors.add(day.date() + " is listed both as a day off and as a working day (" + earlier.name() + " / "
            + day.name() + ")");
      } else if (earlier != null) {
        errors.add(day.date() + " is listed twice (" + earlier.name() + " / " + day.name() + ")");
      }
      boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
      if (day.kind() == DayKind.WORK && !weekend) {
        errors.add(day.date() + " is a " + day.date().getDayOfWeek().name().toLowerCase()
            + ": a make-up working day (班) falls on a weekend");
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
    private final List<String> errors;

    InvalidScheduleException(List<String> errors) {
      super(String.join("; ", errors));
      this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
      return errors;
    }
  }
}
