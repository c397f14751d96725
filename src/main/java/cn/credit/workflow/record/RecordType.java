package cn.credit.workflow.record;

/** What kind of finding the record publishes. */
public enum RecordType {
  /** 行政处罚 */
  ADMINISTRATIVE_PENALTY,
  /** 严重失信主体名单 */
  SERIOUS_DISHONESTY_LIST,
  /** 经营异常名录 */
  ABNORMAL_OPERATION,
  /** 违背信用承诺: published for 3 years when an applicant lied or broke its commitment (令 36 art. 25) */
  BROKEN_COMMITMENT,
  /** 其他失信信息 */
  OTHER
}
