package cn.credit.workflow.calendar;

/** A day that differs from the Monday-to-Friday rule: a day off (休) or a make-up working day (班). */
public enum DayKind {
  OFF,
  WORK
}
