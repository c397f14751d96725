package cn.credit.workflow.shielding;

import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.record.DishonestyRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A request to shield one record temporarily (临时屏蔽) while its entity is under court
 * reorganisation or settlement (令 36 art. 20), from filing to the court's end of the plan.
 */
@Entity
@Table(name = "shielding")
public class Shielding extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(name = "procedure_kind", nullable = false, length = 20)
  private ShieldingProcedure procedure;

  @Column(nullable = false, length = 200)
  private String court;

  @Column(name = "court_case_number", nullable = false, length = 100)
  private String courtCaseNumber;

  @Column(length = 4000)
  private String statement;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ShieldingState state;

  @Column(length = 2000)
  private String reasons;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "court_end", length = 20)
  private CourtEnd courtEnd;

  @Column(name = "court_ruling", length = 200)
  private String courtRuling;

  @Column(name = "court_ended_at")
  private Instant courtEndedAt;

  protected Shielding() {}

  Shielding(String provisionalCaseRef, DishonestyRecord record, String applicant, ShieldingProcedure procedure,
      String court, String courtCaseNumber, String statement, Instant receivedAt) {
    super(provisionalCaseRef, record, applicant, null, receivedAt);
    this.procedure = procedure;
    this.court = court;
    this.courtCaseNumber = courtCaseNumber;
    this.statement = statement;
    this.state = ShieldingState.UNDER_REVIEW;
  }

  /** The department decided: shielded or refused, with its letter. */
  void decided(ShieldingState state, String reasons, String letterCode, Instant at) {
    this.state = state;
    this.reasons = reasons;
    this.decidedAt = at;
    issued(letterCode);
  }

  void courtEnded(CourtEnd end, String ruling, Instant at) {
    this.courtEnd = end;
    this.courtRuling = ruling;
    this.courtEndedAt = at;
    this.state = end == CourtEnd.FAILED ? ShieldingState.RESTORED : ShieldingState.KEPT_SHIELDED;
  }

  /** The record was withdrawn (its decision revoked): the request ends, under review or shielded. */
  @Override
  public boolean endedWithTheRecord(String revokingDocument, Instant at) {
    this.state = ShieldingState.RECORD_WITHDRAWN;
    if (decidedAt == null) {
      this.reasons = revokingDocument;
      this.decidedAt = at;
    }
    return true;
  }

  @Override
  public Collection<String> departmentsConcerned() {
    return List.of(getDepartmentCode());
  }

  @Override
  public ShieldingState getState() {
    return state;
  }

  public ShieldingProcedure getProcedure() {
    return procedure;
  }

  public String getCourt() {
    return court;
  }

  public String getCourtCaseNumber() {
    return courtCaseNumber;
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

  public CourtEnd getCourtEnd() {
    return courtEnd;
  }

  public String getCourtRuling() {
    return courtRuling;
  }

  public Instant getCourtEndedAt() {
    return courtEndedAt;
  }
}
