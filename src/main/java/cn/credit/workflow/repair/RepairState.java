package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseState;
import java.util.EnumSet;
import java.util.Set;

/** Where a repair request stands. */
public enum RepairState implements CaseState {
  AWAITING_SIGNATURE,
  UNDER_ACCEPTANCE,
  AWAITING_SUPPLEMENT,
  UNDER_REVIEW,
  /** granted: the record stopped being published, member departments are lifting their measures */
  GRANTED,
  COMPLETED,
  NOT_ACCEPTED,
  REFUSED,
  LAPSED,
  WITHDRAWN,
  /** granted, then revoked after a broken commitment */
  REVOKED,
  /** the record itself was cancelled after a dispute: nothing left to repair */
  RECORD_WITHDRAWN,
  /** the record's maximum publication period ended while the request was open: nothing left to repair */
  RECORD_EXPIRED,
  /** the record's decision was changed to a minor one, not published (令 36 arts. 12, 19): nothing left to repair */
  RECORD_NOT_PUBLISHED;

  /** Before the decision: the applicant may still withdraw, and no second request for the record is taken. */
  public static final Set<RepairState> OPEN = EnumSet.of(AWAITING_SIGNATURE, UNDER_ACCEPTANCE, AWAITING_SUPPLEMENT,
      UNDER_REVIEW);

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
