package cn.credit.workflow.dispute;

/** What the providing department decided about the disputed record. */
public enum DisputeOutcome {
  /** 更正 */
  CORRECTED,
  /** 撤销 */
  CANCELLED,
  /** 维持 */
  KEPT,
  /** 撤销不予受理或不予修复的决定，修复申请重新办理 */
  REFUSAL_REVOKED
}
