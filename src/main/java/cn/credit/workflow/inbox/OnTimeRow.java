package cn.credit.workflow.inbox;

/** Work one department completed in a period, and how much of it on time. */
public interface OnTimeRow {
  String getDepartment();

  long getTotal();

  long getOnTime();
}
