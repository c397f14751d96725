package cn.credit.workflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Working-day arithmetic over the loaded years, free of the database and the engine. The day a
 * request is received is not counted. Days in a year that is not loaded follow Monday-to-Friday
 * less the holidays the law fixes ({@link StatutoryHolidays}), and every answer that touched such a
 * day says it is provisional.
 */
public final class CalendarSnapshot {

  private final Map<LocalDate, DayKind> days = new HashMap<>();
  private final Set<Integer> loadedYears;
  private final StatutoryHolidays statutory;

  /** Provisional years count weekends only: for tests of the loaded years' arithmetic. */
  public CalendarSnapshot(Collection<ScheduledDay> scheduledDays, Set<Integer> loadedYears) {
    this(scheduledDays, loadedYears, StatutoryHolidays.NONE);
  }

  public CalendarSnapshot(Collection<ScheduledDay> scheduledDays, Set<Integer> loadedYears,
      StatutoryHolidays statutory) {
    scheduledDays.forEach(day -> days.put(day.date(), day.kind()));
    this.loadedYears = Set.copyOf(loadedYears);
    this.statutory = statutory;
  }

  public boolean isLoaded(int year) {
    return loadedYears.contains(year);
  }

  public Set<Integer> loadedYears() {
    return loadedYears;
  }

  public boolean isWorkingDay(LocalDate date) {
    DayKind kind = days.get(date);
    if (kind != null) {
      return kind == DayKind.WORK;
    }
    if (!isLoaded(date.getYear()) && statutory.isDayOff(date)) {
      return false;
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The day on which {@code workingDays} working days after {@code from} have passed. */
  public CalendarDate plusWorkingDays(LocalDate from, int workingDays) {
    return step(from, workingDays, 1);
  }

  /** The working day that lies {@code workingDays} working days before {@code from}. */
  public CalendarDate minusWorkingDays(LocalDate from, int workingDays) {
    return step(from, workingDays, -1);
  }

  /** Working days in (from, to]: the days a step has taken, negative when {@code to} is before {@code from}. */
  public WorkingDayCount workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      WorkingDayCount reverse = workingDaysBetween(to, from);
      return new WorkingDayCount(-reverse.workingDays(), reverse.provisional());
    }
    int count = 0;
    boolean provisional = false;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      provisional |= !isLoaded(day.getYear());
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return new WorkingDayCount(count, provisional);
  }

  private CalendarDate step(LocalDate from, int workingDays, int direction) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + workingDays);
    }
    LocalDate day = from;
    boolean provisional = !isLoaded(from.getYear());
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(direction);
      provisional |= !isLoaded(day.getYear());
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return new CalendarDate(day, provisional);
  }

  /** A date computed from the calendar, and whether it relied on a year not yet loaded. */
  public record CalendarDate(LocalDate date, boolean provisional) {}

  public record WorkingDayCount(int workingDays, boolean provisional) {}
}
