package cn.credit.workflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** One mail to one person, in the outbox until it is sent. */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The event and the recipient: the same event never mails the same person twice. */
  @Column(name = "dedup_key", nullable = false, unique = true, length = 200)
  private String dedupKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private MailKind kind;

  @Column(name = "recipient_user", length = 64)
  private String recipientUser;

  @Column(name = "recipient_email", nullable = false, length = 200)
  private String recipientEmail;

  @Column(nullable = false, length = 300)
  private String subject;

  @Column(nullable = false, length = 1_000_000)
  private String body;

  @Column(name = "case_ref", length = 64)
  private String caseRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private NotificationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version
  private long version;

  protected Notification() {}

  Notification(String dedupKey, MailKind kind, String recipientUser, String recipientEmail, String subject, String body,
      String caseRef, Instant now) {
    this.dedupKey = dedupKey;
    this.kind = kind;
    this.recipientUser = recipientUser;
    this.recipientEmail = recipientEmail;
    this.subject = subject;
    this.body = body;
    this.caseRef = caseRef;
    this.status = NotificationStatus.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  void sent(Instant now) {
    status = NotificationStatus.SENT;
    sentAt = now;
    attempts++;
    lastError = null;
  }

  /** A failed attempt: try again after a growing pause, or give up after the last one. */
  void attemptFailed(String error, Instant now, Duration firstPause, Duration longestPause, int maxAttempts) {
    attempts++;
    lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
    if (attempts >= maxAttempts) {
      status = NotificationStatus.FAILED;
      return;
    }
    Duration pause = firstPause.multipliedBy(1L << Math.min(attempts - 1, 20));
    nextAttemptAt = now.plus(pause.compareTo(longestPause) > 0 ? longestPause : pause);
    status = NotificationStatus.PENDING;
  }

  void retryNow(Instant now) {
    status = NotificationStatus.PENDING;
    nextAttemptAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public MailKind getKind() {
    return kind;
  }

  public String getRecipientUser() {
    return recipientUser;
  }

  public String getRecipientEmail() {
    return recipientEmail;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public NotificationStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
