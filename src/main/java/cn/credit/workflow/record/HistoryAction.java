package cn.credit.workflow.record;

/** What happened to a record, as written in its history. */
public enum HistoryAction {
  PUBLISHED,
  STATE_CHANGED,
  CORRECTED,
  REPAIR_BARRED
}
