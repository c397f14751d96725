package cn.credit.workflow.dispute;

/** What the providing department decided about the disputed record. */
public enum DisputeOutcome {
  /** 更正 */
  CORRECTED,
  /** 撤销 */
  CANCELLED,
  /** 维持 */
  KEPT
}
