package cn.credit.workflow.dispute;

/** Why the applicant says the record is wrong (令 36 art. 18). */
public enum DisputeGround {
  /** 内容错误 */
  WRONG_CONTENT,
  /** 公示期限错误或已过期仍公示 */
  WRONG_PERIOD,
  /** 不应公示 */
  SHOULD_NOT_BE_PUBLISHED,
  /** 重复公示 */
  DUPLICATE,
  /** 非本主体信息 */
  NOT_OURS,
  /** 与认定部门原始记录不一致 */
  INCONSISTENT_WITH_SOURCE,
  /** 对不予受理信用修复申请的决定有异议 (令 36 art. 18) */
  REPAIR_NOT_ACCEPTED,
  /** 对不予信用修复的决定有异议 (令 36 art. 18) */
  REPAIR_REFUSED;

  /** The state of the repair case a ground contests, or null when the ground is about the record itself. */
  public String contestedRepairState() {
    return switch (this) {
      case REPAIR_NOT_ACCEPTED -> "NOT_ACCEPTED";
      case REPAIR_REFUSED -> "REFUSED";
      default -> null;
    };
  }
}
