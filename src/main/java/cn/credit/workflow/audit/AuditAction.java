package cn.credit.workflow.audit;

/** What the audit trail records (MLPS 2.0 level 3: sign-ins, failures, locks, account and admin changes). */
public enum AuditAction {
  SIGN_IN,
  SIGN_IN_FAILED,
  /** a sign-in refused unchecked: too soon after failures, or the account or address is locked */
  SIGN_IN_REFUSED,
  SIGN_OUT,
  /** an open session ended because the account was disabled or its password changed */
  SESSION_ENDED,
  ACCOUNT_LOCKED,
  ADDRESS_LOCKED,
  UNLOCKED,
  PASSWORD_CHANGED,
  PASSWORD_RESET,
  FIRST_ADMIN_CREATED,
  USER_ADDED,
  USER_CHANGED,
  USER_DISABLED,
  USER_ENABLED,
  /** any other change an administrator made (the request is in the detail) */
  ADMIN_ACTION
}
