package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.text.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A dispute (信用信息异议) about one published record, from filing to the written reply. */
@Entity
@Table(name = "dispute")
public class Dispute extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private DisputeGround ground;

  @Column(name = "contested_case_ref", length = 32)
  private String contestedCaseRef;

  @Column(nullable = false, length = 4000)
  private String facts;

  @Column(length = 4000)
  private String proof;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private DisputeState state;

  @Column(name = "assist_department", length = 32)
  private String assistDepartment;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private DisputeOutcome outcome;

  @Column(length = 2000)
  private String reasons;

  /** What a correction changed, one "field: old → new" per line. */
  @Column(length = 4000)
  private String changes;

  @Column(name = "replied_at")
  private Instant repliedAt;

  protected Dispute() {}

  Dispute(String provisionalCaseRef, DishonestyRecord record, String applicant, DisputeGround ground, String facts,
      String proof, Long templateId, Instant receivedAt) {
    super(provisionalCaseRef, record, applicant, templateId, receivedAt);
    this.ground = ground;
    this.facts = facts;
    this.proof = proof;
    this.state = DisputeState.AWAITING_SIGNATURE;
  }

  /** The refused repair case this dispute contests (grounds against a refusal), else null. */
  public String getContestedCaseRef() {
    return contestedCaseRef;
  }

  void contests(String caseRef) {
    this.contestedCaseRef = caseRef;
  }

  void moveTo(DisputeState state) {
    this.state = state;
  }

  /** The providing department and, when one was asked, the assisting one. */
  @Override
  public Collection<String> departmentsConcerned() {
    return assistDepartment == null ? List.of(getDepartmentCode()) : List.of(getDepartmentCode(), assistDepartment);
  }

  void assistedBy(String department) {
    this.assistDepartment = department;
  }

  void decided(DisputeOutcome outcome, String reasons, String changes) {
    this.outcome = outcome;
    this.reasons = reasons;
    this.changes = changes;
  }

  /** The record was withdrawn (its decision revoked): nothing is left to dispute. */
  @Override
  public boolean endedWithTheRecord(String revokingDocument, Instant at) {
    ended(DisputeState.RECORD_WITHDRAWN, revokingDocument, null, at);
    return true;
  }

  void ended(DisputeState state, String reasons, String letterCode, Instant at) {
    this.state = state;
    if (reasons != null) {
      this.reasons = reasons;
    }
    issued(letterCode);
    this.repliedAt = at;
  }

  public DisputeGround getGround() {
    return ground;
  }

  public String getFacts() {
    return facts;
  }

  public String getProof() {
    return proof;
  }

  public DisputeState getState() {
    return state;
  }

  public String getAssistDepartment() {
    return assistDepartment;
  }

  public DisputeOutcome getOutcome() {
    return outcome;
  }

  public String getReasons() {
    return reasons;
  }

  /** The reasons as a person reads them: as typed; a lapse (the application's) by key. */
  public Text reasonsText() {
    if (reasons == null) {
      return null;
    }
    return state == DisputeState.LAPSED ? Text.of("timeline.lapsed." + reasons) : Text.both(reasons, reasons);
  }

  public String getChanges() {
    return changes;
  }

  public Instant getRepliedAt() {
    return repliedAt;
  }

}
