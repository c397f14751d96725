package cn.credit.workflow.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

  @Column(length = 2000)
  private String detail;

  protected CaseEvent() {}

  CaseEvent(String caseRef, Instant occurredAt, String actor, String type, String detail) {
    this.caseRef = caseRef;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.type = type;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
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
