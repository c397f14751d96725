package cn.credit.workflow.commitment;

/** What a commitment is signed for: a repair request (信用修复承诺书) or a dispute (异议申诉信用承诺书). */
public enum CommitmentPurpose {
  REPAIR,
  DISPUTE
}
