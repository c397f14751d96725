package cn.credit.workflow.notification;

/** What a mail is about; each has a Thymeleaf template under templates/mail/ and a subject key. */
public enum MailKind {
  /** a task arrived in a department's (or a person's) queue */
  TASK_ARRIVED("task-arrived"),
  /** a deadline is near */
  REMINDER("reminder"),
  /** a deadline has passed: the department's leaders */
  OVERDUE("overdue"),
  /** still open after the deadline plus the grace days: the city leaders */
  CITY_ESCALATION("city-escalation"),
  /** a leader urges (催办) */
  URGE("urge"),
  /** a task was transferred, delegated, given back or copied to the recipient */
  TASK_ACTION("task-action"),
  /** the applicant's case changed (received, more material needed, accepted, extended, decided, stopped) */
  CASE_UPDATE("case-update");

  private final String template;

  MailKind(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
