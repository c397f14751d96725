package cn.credit.workflow.record;

import java.time.LocalDate;

/**
 * The fields a department corrects after a dispute; null leaves a field as it is. A misclassified
 * record is corrected too (令 36 art. 18): its severity or type, and with them its periods.
 */
public record RecordCorrection(String title, String content, LocalDate decisionDate, LocalDate termEndDate,
    Severity severity, RecordType type) {

  public RecordCorrection(String title, String content, LocalDate decisionDate, LocalDate termEndDate) {
    this(title, content, decisionDate, termEndDate, null, null);
  }

  public boolean isEmpty() {
    return title == null && content == null && decisionDate == null && termEndDate == null && severity == null
        && type == null;
  }
}
