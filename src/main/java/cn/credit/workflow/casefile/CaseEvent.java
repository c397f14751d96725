package cn.credit.workflow.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.TextArguments;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One step of a case as the application saw it: who did what, when. Never changed. */
@Entity
@Immutable
@Table(name = "case_event")
public class CaseEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_ref", nullable = false, length = 32)
  private String caseRef;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "event_type", nullable = false, length = 40)
  private String type;

  /** A text typed by a person, or (older lines) the application's own wording. */
  @Column(length = 2000)
  private String detail;

  /** The bundle key of a detail the application words; its arguments in {@link #detailArgs}. */
  @Column(name = "detail_key", length = 100)
  private String detailKey;

  @Column(name = "detail_args", length = 2000)
  private String detailArgs;

  protected CaseEvent() {}

  CaseEvent(String caseRef, Instant occurredAt, String actor, String type, String detail) {
    this.caseRef = caseRef;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.type = type;
    this.detail = cut(detail);
  }

  static CaseEvent worded(String caseRef, Instant occurredAt, String actor, String type, Text detail) {
    CaseEvent event = new CaseEvent(caseRef, occurredAt, actor, type, null);
    if (detail instanceof Text.Key key) {
      event.detailKey = key.key();
      event.detailArgs = cut(TextArguments.encode(key.args()));
    } else if (detail instanceof Text.Both both) {
      event.detailArgs = cut(TextArguments.encode(List.of(both)));
    }
    return event;
  }

  private static String cut(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  /** The detail to show: the application's wording by key, or the text as it was written. */
  public Text detailText() {
    if (detailKey != null) {
      return new Text.Key(detailKey, TextArguments.decode(detailArgs));
    }
    if (detailArgs != null) {
      return (Text) TextArguments.decode(detailArgs).get(0);
    }
    return detail == null ? null : Text.both(detail, detail);
  }

  public Long getId() {
    return id;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getType() {
    return type;
  }

  public String getDetail() {
    return detail;
  }
}
