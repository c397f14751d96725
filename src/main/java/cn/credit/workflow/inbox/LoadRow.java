package cn.credit.workflow.inbox;

import java.time.Instant;

/** Open work of one step in one department: how much, how much overdue, the oldest deadline. */
public interface LoadRow {
  String getDepartment();

  String getStep();

  long getOpen();

  long getOverdue();

  Instant getOldestDue();
}
