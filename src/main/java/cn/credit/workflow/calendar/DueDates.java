package cn.credit.workflow.calendar;

import cn.credit.workflow.text.DueDay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates as every page, list and notice shows them (the templates' {@code fragments/fields ::
 * dueDate}): the day in the credit office's zone, and whether it is provisional, i.e. counted into a
 * year whose State Council notice is not loaded yet. Asked when shown, so a mark goes away once the
 * year is loaded.
 */
@Component("dueDates")
public class DueDates {

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  DueDates(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The day of a due date given as a LocalDate, an Instant, a Date or a zoned time; null for none. */
  public LocalDate dayOf(Object due) {
    if (due == null || due instanceof LocalDate) {
      return (LocalDate) due;
    }
    if (due instanceof Instant instant) {
      return instant.atZone(clock.getZone()).toLocalDate();
    }
    if (due instanceof Date date) {
      return date.toInstant().atZone(clock.getZone()).toLocalDate();
    }
    if (due instanceof ZonedDateTime time) {
      return time.withZoneSameInstant(clock.getZone()).toLocalDate();
    }
    throw new IllegalArgumentException("not a due date: " + due.getClass().getName());
  }

  public boolean provisional(Object due) {
    LocalDate day = dayOf(due);
    return day != null && calendar.isProvisional(day);
  }

  /** yyyy-MM-dd, or an empty text for no date. */
  public String format(Object due) {
    LocalDate day = dayOf(due);
    return day == null ? "" : day.toString();
  }

  /** The due date as an argument of a text (a notice, a letter), marked when provisional. */
  public DueDay day(Object due) {
    LocalDate day = dayOf(due);
    return new DueDay(day, calendar.isProvisional(day));
  }
}
