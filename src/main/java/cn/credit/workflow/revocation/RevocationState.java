package cn.credit.workflow.revocation;

import cn.credit.workflow.casefile.CaseState;

/** Where a report of a revoked or changed decision stands. */
public enum RevocationState implements CaseState {
  /** at the record's department: withdraw or amend within the limit from the revoking decision */
  REPORTED,
  /** the department withdrew the record */
  RECORD_WITHDRAWN,
  /** the department amended the record */
  RECORD_AMENDED,
  /** the department answered that the report is unfounded, with its reasons */
  UNFOUNDED;

  @Override
  public boolean isOpen() {
    return this == REPORTED;
  }
}
