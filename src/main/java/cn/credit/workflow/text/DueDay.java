package cn.credit.workflow.text;

import java.time.LocalDate;

/**
 * A due date as an argument of a text: shown as yyyy-MM-dd, and marked provisional (key
 * {@code due.day.provisional}) when it was counted into a year whose holidays are not published yet.
 * Stored with the text ({@link TextArguments}), so a notice keeps its mark.
 */
public record DueDay(LocalDate date, boolean provisional) {

  @Override
  public String toString() {
    return date.toString();
  }
}
