package cn.credit.workflow.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The range a record's dates lie in, wherever they are entered: no decision before the People's
 * Republic was founded nor after today (in the credit office's zone); an end of term not before
 * that either and at most a century ahead. {@code 0000-01-01} is a slip of the keyboard, not a date.
 */
public final class RecordDates {

  public static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

  private RecordDates() {}

  /** "field: message" for each of the two dates out of range (a null date is not checked). */
  public static List<String> problems(String decisionField, LocalDate decisionDate, String termField,
      LocalDate termEndDate, LocalDate today) {
    List<String> problems = new ArrayList<>();
    check(problems, decisionField, decisionDate, today, "今天（" + today + "）", "today (" + today + ")");
    LocalDate farthest = today.plusYears(100);
    check(problems, termField, termEndDate, farthest, farthest.toString(), farthest.toString());
    return problems;
  }

  private static void check(List<String> problems, String field, LocalDate date, LocalDate latest, String latestZh,
      String latestEn) {
    if (date != null && date.isBefore(EARLIEST)) {
      problems.add(field + ": 不得早于" + EARLIEST + " / may not be before " + EARLIEST);
    } else if (date != null && date.isAfter(latest)) {
      problems.add(field + ": 不得晚于" + latestZh + " / may not be after " + latestEn);
    }
  }
}
