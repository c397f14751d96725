package cn.credit.workflow.record;

/**
 * The kinds of penalty a decision imposes (行政处罚法 art. 9, 令 36 arts. 8–10). How severe each
 * makes a record is not here but in the decision table processes/record-severity.dmn.
 */
public enum PenaltyType {
  /** 警告 */
  WARNING,
  /** 通报批评 */
  CRITICISM,
  /** 罚款（数额较小） */
  FINE_SMALL,
  /** 罚款（数额较大） */
  FINE_LARGE,
  /** 罚款（数额巨大） */
  FINE_HUGE,
  /** 没收违法所得、没收非法财物 */
  CONFISCATION,
  /** 降低资质等级 */
  QUALIFICATION_LOWERED,
  /** 暂扣许可证件 */
  LICENCE_SUSPENDED,
  /** 吊销许可证件 */
  LICENCE_REVOKED,
  /** 责令停产停业、责令关闭 */
  PRODUCTION_STOPPED,
  /** 限制开展生产经营活动 */
  ACTIVITY_RESTRICTED,
  /** 限制从业 */
  EMPLOYMENT_RESTRICTED,
  /** 市场和行业禁入 */
  MARKET_BAN,
  /** 其他 */
  OTHER
}
