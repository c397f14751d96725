package cn.credit.workflow.shielding;

/** The court procedure the entity is under (令 36 art. 20). */
public enum ShieldingProcedure {
  /** 破产重整 */
  REORGANISATION,
  /** 破产和解 */
  SETTLEMENT
}
