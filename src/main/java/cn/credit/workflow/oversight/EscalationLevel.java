package cn.credit.workflow.oversight;

/** What was done about a task's deadline, and by whom it is seen. */
public enum EscalationLevel {
  /** the deadline passed: the task is overdue, the department's leaders are told */
  DEPARTMENT_LEADER,
  /** still open after the grace days: the city leaders are told */
  CITY_LEADER,
  /** a leader urged (催办) the task */
  URGE
}
