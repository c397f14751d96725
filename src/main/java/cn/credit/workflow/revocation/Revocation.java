package cn.credit.workflow.revocation;

import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.RevokingDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * A report that a record's decision was revoked or changed (令 36 art. 19), with the revoking or
 * changing document: the record's department withdraws or amends the record within the profile's
 * limit from that document's date (山东省社会信用条例 art. 40), or answers that it is unfounded.
 */
@Entity
@Table(name = "revocation")
public class Revocation extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(name = "change_kind", nullable = false, length = 20)
  private ChangeKind changeKind;

  /** Who revoked or changed the decision: a court, a reconsideration body, the department itself. */
  @Column(nullable = false, length = 200)
  private String authority;

  @Column(nullable = false, length = 200)
  private String document;

  @Column(name = "document_date", nullable = false)
  private LocalDate documentDate;

  @Column(length = 4000)
  private String statement;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private RevocationState state;

  @Column(length = 2000)
  private String reasons;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected Revocation() {}

  Revocation(String provisionalCaseRef, DishonestyRecord record, String applicant, ChangeKind changeKind,
      String authority, String document, LocalDate documentDate, String statement, Instant receivedAt) {
    super(provisionalCaseRef, record, applicant, null, receivedAt);
    this.changeKind = changeKind;
    this.authority = authority;
    this.document = document;
    this.documentDate = documentDate;
    this.statement = statement;
    this.state = RevocationState.REPORTED;
  }

  void decided(RevocationState state, String reasons, Instant at) {
    this.state = state;
    this.reasons = reasons;
    this.decidedAt = at;
  }

  /** The department withdrew the record on its own page meanwhile: what the report asked for is done. */
  @Override
  public boolean endedWithTheRecord(String revokingDocument, Instant at) {
    decided(RevocationState.RECORD_WITHDRAWN, revokingDocument, at);
    return true;
  }

  /** The revoking or changing decision as the record's history cites it, with the department's reasons. */
  RevokingDecision decision(String reasons) {
    return new RevokingDecision(document, documentDate, reasons);
  }

  @Override
  public Collection<String> departmentsConcerned() {
    return List.of(getDepartmentCode());
  }

  @Override
  public RevocationState getState() {
    return state;
  }

  public ChangeKind getChangeKind() {
    return changeKind;
  }

  public String getAuthority() {
    return authority;
  }

  public String getDocument() {
    return document;
  }

  public LocalDate getDocumentDate() {
    return documentDate;
  }

  public String getStatement() {
    return statement;
  }

  public String getReasons() {
    return reasons;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
