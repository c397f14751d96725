package cn.credit.workflow.record;

import cn.credit.workflow.system.FieldProblem;
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

  /** A problem for each of the two dates out of range (a null date is not checked). */
  public static List<FieldProblem> problems(String decisionField, LocalDate decisionDate, String termField,
      LocalDate termEndDate, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    check(problems, decisionField, decisionDate, today, "record.date.afterToday");
    LocalDate farthest = today.plusYears(100);
    check(problems, termField, termEndDate, farthest, "record.date.afterLatest");
    return problems;
  }

  private static void check(List<FieldProblem> problems, String field, LocalDate date, LocalDate latest,
      String tooLate) {
    if (date != null && date.isBefore(EARLIEST)) {
      problems.add(FieldProblem.of(field, "record.date.beforeEarliest", EARLIEST));
    } else if (date != null && date.isAfter(latest)) {
      problems.add(FieldProblem.of(field, tooLate, latest));
    }
  }
}
