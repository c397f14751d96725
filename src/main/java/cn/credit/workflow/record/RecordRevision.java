package cn.credit.workflow.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A withdrawal or amendment a department registered after a revoking or changing decision, with
 * that decision's date: late when registered after the profile's revocation-report limit from it
 * (山东省社会信用条例 art. 40). Never changed.
 */
@Entity
@Immutable
@Table(name = "record_revision")
public class RecordRevision {

  /** What the department did with its record. */
  public enum Action { WITHDRAWN, AMENDED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "record_id", nullable = false)
  private Long recordId;

  @Column(name = "department_code", nullable = false, length = 32)
  private String departmentCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Action action;

  @Column(nullable = false, length = 200)
  private String document;

  @Column(name = "document_date")
  private LocalDate documentDate;

  @Column(name = "registered_on", nullable = false)
  private LocalDate registeredOn;

  @Column(name = "registered_late", nullable = false)
  private boolean registeredLate;

  @Column(name = "case_ref", length = 32)
  private String caseRef;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected RecordRevision() {}

  RecordRevision(DishonestyRecord record, Action action, RevokingDecision decision, LocalDate registeredOn,
      boolean late, String caseRef, String actor, Instant at) {
    this.recordId = record.getId();
    this.departmentCode = record.getDepartment().getCode();
    this.action = action;
    this.document = decision.document();
    this.documentDate = decision.date();
    this.registeredOn = registeredOn;
    this.registeredLate = late;
    this.caseRef = caseRef;
    this.actor = actor;
    this.occurredAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getRecordId() {
    return recordId;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public Action getAction() {
    return action;
  }

  public String getDocument() {
    return document;
  }

  public LocalDate getDocumentDate() {
    return documentDate;
  }

  public LocalDate getRegisteredOn() {
    return registeredOn;
  }

  public boolean isRegisteredLate() {
    return registeredLate;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
