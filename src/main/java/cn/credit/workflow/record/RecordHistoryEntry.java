package cn.credit.workflow.record;

import cn.credit.workflow.text.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of a record's append-only history: never updated, never deleted. */
@Entity
@Immutable
@Table(name = "record_history")
public class RecordHistoryEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "record_id")
  private DishonestyRecord record;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private HistoryAction action;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_state", length = 20)
  private PublicationState fromState;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_state", length = 20)
  private PublicationState toState;

  /** Field changes of a correction, one "field: old → new" per line. */
  @Column(length = 4000)
  private String changes;

  /** The reason as typed by a person; with a {@link #reasonKey}, what fills it; older lines: a bilingual sentence. */
  @Column(length = 1000)
  private String reason;

  /** The bundle key of the reason the application words (a repair granted, a dispute answered). */
  @Column(name = "reason_key", length = 100)
  private String reasonKey;

  /** The business key of the case (repair request or dispute) that caused the change, if any. */
  @Column(name = "case_ref", length = 64)
  private String caseRef;

  protected RecordHistoryEntry() {}

  RecordHistoryEntry(DishonestyRecord record, Instant occurredAt, String actor, HistoryAction action,
      PublicationState fromState, PublicationState toState, String changes, String reason, String caseRef) {
    this(record, occurredAt, actor, action, fromState, toState, changes, null, reason, caseRef);
  }

  RecordHistoryEntry(DishonestyRecord record, Instant occurredAt, String actor, HistoryAction action,
      PublicationState fromState, PublicationState toState, String changes, String reasonKey, String reason,
      String caseRef) {
    this.reasonKey = reasonKey;
    this.record = record;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.fromState = fromState;
    this.toState = toState;
    this.changes = changes;
    this.reason = reason;
    this.caseRef = caseRef;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public HistoryAction getAction() {
    return action;
  }

  public PublicationState getFromState() {
    return fromState;
  }

  public PublicationState getToState() {
    return toState;
  }

  public String getChanges() {
    return changes;
  }

  public String getReason() {
    return reason;
  }

  public String getReasonKey() {
    return reasonKey;
  }

  /** The reason to show: by its key in the reader's language, or as it was written (typed, or an older line). */
  public Text reasonText() {
    if (reasonKey != null) {
      return reason == null ? Text.of(reasonKey) : Text.of(reasonKey, reason);
    }
    return reason == null ? null : Text.both(reason, reason);
  }

  public String getCaseRef() {
    return caseRef;
  }
}
