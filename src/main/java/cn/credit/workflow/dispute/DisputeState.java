package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseState;
import java.util.EnumSet;
import java.util.Set;

/** Where a dispute stands. */
public enum DisputeState implements CaseState {
  AWAITING_SIGNATURE,
  /** at the credit office: forward or reject within 1 working day */
  TRIAGE,
  /** at the providing department */
  UNDER_VERIFICATION,
  /** answered in writing: corrected, cancelled or kept */
  REPLIED,
  /** out of scope, answered by the credit office */
  REJECTED,
  /** the dispute commitment was not signed in time */
  LAPSED,
  /** the record's decision was revoked and its department withdrew it: nothing left to dispute (令 36 art. 19) */
  RECORD_WITHDRAWN;

  public static final Set<DisputeState> OPEN = EnumSet.of(AWAITING_SIGNATURE, TRIAGE, UNDER_VERIFICATION);

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
