package cn.credit.workflow.revocation;

/** What the later decision did to the record's decision (令 36 art. 19). */
public enum ChangeKind {
  /** 撤销: the record is withdrawn */
  REVOKED,
  /** 变更: the record is amended */
  CHANGED
}
