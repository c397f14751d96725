package cn.credit.workflow.notification;

public enum NotificationStatus {
  /** written with the state change, waiting to be sent (again) */
  PENDING,
  /** claimed by one node that is sending it now */
  SENDING,
  SENT,
  /** gave up after the last retry: shown to administrators, who may send it again */
  FAILED
}
