package cn.credit.workflow.inbox;

import java.time.Instant;

/** Open work of one step in one department: how much, how much overdue, the oldest deadline. */
public interface LoadRow {
  String getDepartment();

  String getProcess();

  String getStepKey();

  /** The step's name as a work item kept it; a page shows it by process and step key ({@code StepNames}). */
  String getStep();

  long getOpen();

  long getOverdue();

  Instant getOldestDue();
}
