package cn.credit.workflow.shielding;

/** How the court ended the reorganisation or settlement plan. */
public enum CourtEnd {
  /** 计划执行完毕: the record stays shielded (art. 20 says nothing of a return) */
  SUCCEEDED,
  /** 终止执行、宣告破产: the record returns to the public pages */
  FAILED
}
