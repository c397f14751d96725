package cn.credit.workflow.record;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Computes when a record may first be repaired and when its publication ends by itself.
 *
 * <p>Periods are counted as the Civil Code counts them (民法典 arts. 200–203): the decision day is not
 * counted, the period starts the next day and its last day is the day of the last month numbered like
 * the decision day, or that month's last day when it has no such day (art. 202); the period lasts to
 * the end (24:00) of that last day (art. 203). Both dates kept are therefore <em>first days after</em>
 * a period: {@code earliestRepairDate} is the first day a repair may be asked, {@code automaticEndDate}
 * the first day the record is no longer published, so the daily run, which expires records with
 * {@code automaticEndDate <= today}, ends publication at the start of the day after the maximum
 * period. A penalty term runs to the end of its last day: repair and the end wait for the day after it.
 * Art. 203's moving of a last day that falls on a holiday is for a time to act, not for how long a
 * record is shown, and is not applied.
 */
@Component
public class PublicationPeriods {

  private final PublicationRules rules;

  public PublicationPeriods(PublicationRules rules) {
    this.rules = rules;
  }

  public PublicationDates datesFor(Severity severity, LocalDate decisionDate, LocalDate termEndDate) {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(decisionDate, "decisionDate");
    Period minimum = rules.minimumFor(severity);
    // a zero minimum (minor records: as soon as the duties are done) holds nothing back
    LocalDate earliest = minimum.isZero() ? decisionDate : dayAfter(lastDayOf(decisionDate, minimum));
    LocalDate end = dayAfter(lastDayOf(decisionDate, rules.maximumFor(severity)));
    if (termEndDate != null) {
      earliest = later(earliest, dayAfter(termEndDate));
      end = later(end, dayAfter(termEndDate));
    }
    return new PublicationDates(earliest, end);
  }

  /**
   * The last day of a period counted from the day after {@code decided}: the day numbered like the
   * decision day in the last month, or that month's last day (31 Aug + 3 months: 30 Nov). This is
   * what {@link LocalDate#plus} gives, which keeps the day of month and clamps it to the month's end.
   */
  public static LocalDate lastDayOf(LocalDate decided, Period period) {
    return decided.plus(period);
  }

  /** The first day after a period counted from the day after {@code decided}: when what it bars may be done. */
  public static LocalDate firstDayAfter(LocalDate decided, Period period) {
    return dayAfter(lastDayOf(decided, period));
  }

  private static LocalDate dayAfter(LocalDate day) {
    return day.plusDays(1);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
