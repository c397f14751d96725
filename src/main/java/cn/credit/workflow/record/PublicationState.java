package cn.credit.workflow.record;

import java.util.EnumSet;
import java.util.Set;

/** Where a record stands on the public credit site. */
public enum PublicationState {
  /** 不予公示: a minor record its department did not mark necessary to publish (令 36 art. 12) */
  NOT_PUBLISHED,
  /** 公示中 */
  PUBLISHED,
  /** 异议中: still shown, marked as disputed */
  DISPUTED,
  /** 停止公示: repaired */
  STOPPED,
  /** 公示期满: the maximum period has passed */
  EXPIRED,
  /** 已撤销: the finding was revoked or cancelled after a dispute */
  WITHDRAWN,
  /** 临时屏蔽: off the public pages while its entity is under court reorganisation or settlement (令 36 art. 20) */
  SHIELDED;

  /** States from which this one may be reached. Stopped may return to published when a repair is revoked. */
  Set<PublicationState> reachableFrom() {
    return switch (this) {
      // a record not published stays so unless a new decision makes it minor (令 36 art. 12): a disputed
      // one corrected to minor, a published one amended to minor after its decision changed (art. 19)
      case NOT_PUBLISHED -> EnumSet.of(DISPUTED, PUBLISHED);
      // a shielded record returns when the court ends the plan unsuccessfully; a minor one amended to
      // general or serious after its decision changed is published
      case PUBLISHED -> EnumSet.of(DISPUTED, STOPPED, SHIELDED, NOT_PUBLISHED);
      case DISPUTED -> EnumSet.of(PUBLISHED);
      // a shielded record may be repaired; one whose maximum passed while shielded returns as expired
      case STOPPED, EXPIRED -> EnumSet.of(PUBLISHED, DISPUTED, SHIELDED);
      // a finding cancelled after a dispute is withdrawn even if its publication had already ended
      case WITHDRAWN -> EnumSet.of(NOT_PUBLISHED, PUBLISHED, DISPUTED, STOPPED, EXPIRED, SHIELDED);
      case SHIELDED -> EnumSet.of(PUBLISHED, DISPUTED);
    };
  }

  public boolean isOnPublicList() {
    return this == PUBLISHED || this == DISPUTED;
  }
}
