package cn.credit.workflow.shielding;

import cn.credit.workflow.casefile.CaseState;
import java.util.EnumSet;
import java.util.Set;

/** Where a bankruptcy shielding request stands. */
public enum ShieldingState implements CaseState {
  /** at the deciding department: 10 working days (令 36 art. 20) */
  UNDER_REVIEW,
  /** shielded, until the court ends the plan */
  SHIELDED,
  /** the department refused, with reasons */
  REFUSED,
  /** the court ended the plan unsuccessfully: the record is back (or expired meanwhile) */
  RESTORED,
  /** the court ended the plan successfully: the record stays shielded */
  KEPT_SHIELDED,
  /** the record's decision was revoked and its department withdrew it: nothing left to shield (令 36 art. 19) */
  RECORD_WITHDRAWN;

  static final Set<ShieldingState> OPEN = EnumSet.of(UNDER_REVIEW, SHIELDED);

  @Override
  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
