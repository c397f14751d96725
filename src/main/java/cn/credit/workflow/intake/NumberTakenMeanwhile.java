package cn.credit.workflow.intake;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.text.Text;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Two registrations of one document number by one department at the same moment: both looked and
 * found none, the unique index (ux_record_department_number, V16) let one in and refused the other.
 * The refused one is a 409 naming the document number, as if it had found the first one.
 */
final class NumberTakenMeanwhile {

  private static final String INDEX = "ux_record_department_number";

  private NumberTakenMeanwhile() {}

  /** Whether the index refused the insert: the constraint's name as the driver reports it (H2 upper case, MySQL as created). */
  static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.hibernate.exception.ConstraintViolationException violation
          && violation.getConstraintName() != null
          && violation.getConstraintName().toLowerCase(Locale.ROOT).contains(INDEX)) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getMessage() != null
          && sql.getMessage().toLowerCase(Locale.ROOT).contains(INDEX)) {
        return true;
      }
    }
    return false;
  }

  /** One record: the number is the department's already. */
  static ApiProblem conflict(String number) {
    return new ApiProblem(HttpStatus.CONFLICT, Text.of("record.number.taken", number),
        List.of(FieldProblem.of("decisionNumber", "record.number.taken", number)));
  }

  /** A batch: nothing of it was kept, and sent again it skips the number. */
  static ApiProblem batchConflict(String number) {
    return new ApiProblem(HttpStatus.CONFLICT, Text.of("record.import.takenMeanwhile", number),
        List.of(FieldProblem.of("decisionNumber", "record.number.taken", number)));
  }
}
