package cn.credit.workflow.deadline;

/** A task's standing against its deadline, as the inbox's badge and the leaders' ageing show it. */
public record DueStatus(Kind kind, int workingDaysOverdue) {

  public enum Kind { NONE, ON_TIME, DUE_SOON, OVERDUE }

  public boolean overdue() {
    return kind == Kind.OVERDUE;
  }

  /** The message key of the badge: due.ON_TIME, due.DUE_SOON, due.OVERDUE … */
  public String messageKey() {
    return kind == Kind.OVERDUE && workingDaysOverdue == 0 ? "due.OVERDUE_TODAY" : "due." + kind.name();
  }
}
