package cn.credit.workflow.notification;

/** The state changes of a case that its applicant is told about by mail. */
public enum ApplicantUpdate {
  RECEIVED,
  SUPPLEMENT_NEEDED,
  ACCEPTED,
  REFUSED,
  EXTENDED,
  DECIDED,
  PUBLICATION_STOPPED,
  LAPSED,
  WITHDRAWN,
  FORWARDED,
  REPLIED,
  CLOSED,
  /** the record an open case is about was amended after its decision changed (令 36 art. 19) */
  RECORD_AMENDED;

  String messageKey() {
    return "applicantUpdate." + name();
  }
}
