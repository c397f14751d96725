package cn.credit.workflow.record;

/** What happened to a record, as written in its history. */
public enum HistoryAction {
  PUBLISHED,
  STATE_CHANGED,
  CORRECTED,
  REPAIR_BARRED,
  /** the department classified the record otherwise than the severity table, with its reason */
  CLASSIFIED,
  /** the department amended its record after a changed decision */
  AMENDED
}
