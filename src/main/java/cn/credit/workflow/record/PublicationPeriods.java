package cn.credit.workflow.record;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Computes when a record may first be repaired and when its publication ends by itself. Periods
 * run from the decision date; a penalty with a term cannot stop publication before the term ends.
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
    LocalDate earliest = decisionDate.plus(rules.minimumFor(severity));
    LocalDate end = decisionDate.plus(rules.maximumFor(severity));
    if (termEndDate != null) {
      earliest = later(earliest, termEndDate);
      end = later(end, termEndDate);
    }
    return new PublicationDates(earliest, end);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
