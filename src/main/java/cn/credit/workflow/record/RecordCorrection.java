package cn.credit.workflow.record;

import java.time.LocalDate;

/** The fields a department corrects after a dispute; null leaves a field as it is. */
public record RecordCorrection(String title, String content, LocalDate decisionDate, LocalDate termEndDate) {

  public boolean isEmpty() {
    return title == null && content == null && decisionDate == null && termEndDate == null;
  }
}
