package cn.credit.workflow.record;

/** Severity classes of 令 36 arts. 8–12: they decide how long a record is published. */
public enum Severity {
  MINOR,
  GENERAL,
  SERIOUS
}
