package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.text.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** A credit repair request (信用修复申请): one entity, one record, one case. */
@Entity
@Table(name = "repair_request")
public class RepairRequest extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private RepairState state;

  @Column(nullable = false, length = 4000)
  private String proof;

  @Column(name = "supplement_notice", length = 2000)
  private String supplementNotice;

  @Column(name = "supplement_answer", length = 4000)
  private String supplementAnswer;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reasons", length = 2000)
  private String decisionReasons;

  protected RepairRequest() {}

  RepairRequest(String provisionalCaseRef, DishonestyRecord record, String applicant, String proof, Long templateId,
      Instant receivedAt, LocalDate dueDate, boolean dueProvisional) {
    super(provisionalCaseRef, record, applicant, templateId, receivedAt);
    this.proof = proof;
    due(dueDate, dueProvisional);
    this.state = RepairState.AWAITING_SIGNATURE;
  }

  /** The deciding department and the member departments whose joint punishment a grant lifts. */
  @Override
  public Collection<String> departmentsConcerned() {
    Set<String> concerned = new LinkedHashSet<>();
    concerned.add(getDepartmentCode());
    getRecord().getJointPunishmentMembers().forEach(member -> concerned.add(member.getCode()));
    return concerned;
  }

  void moveTo(RepairState state) {
    this.state = state;
  }

  void supplementRequested(String notice) {
    this.supplementNotice = notice;
    this.state = RepairState.AWAITING_SUPPLEMENT;
  }

  void supplementAnswered(String answer) {
    this.supplementAnswer = answer;
    this.state = RepairState.UNDER_ACCEPTANCE;
  }

  /** The refusal was revoked after a dispute: the request is open again; its new decision will have its own letter. */
  void reopened(RepairState open) {
    this.state = open;
    this.decisionReasons = null;
    this.decidedAt = null;
    issued(null);
  }

  void decided(RepairState outcome, String reasons, String letterCode, Instant at) {
    this.state = outcome;
    this.decisionReasons = reasons;
    issued(letterCode);
    this.decidedAt = at;
  }

  public RepairState getState() {
    return state;
  }

  public String getProof() {
    return proof;
  }

  public String getSupplementNotice() {
    return supplementNotice;
  }

  public String getSupplementAnswer() {
    return supplementAnswer;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionReasons() {
    return decisionReasons;
  }

  /**
   * The reasons as a person reads them: as typed by the department; where the application ended the
   * request (lapsed, record withdrawn) its wording by key. A withdrawal written before keys (a
   * sentence, not the dispute's reference) reads as written.
   */
  public Text decisionReasonsText() {
    if (decisionReasons == null) {
      return null;
    }
    if (state == RepairState.LAPSED) {
      return Text.of("timeline.lapsed." + decisionReasons);
    }
    if (state == RepairState.RECORD_WITHDRAWN && CaseKind.DISPUTE.owns(decisionReasons)) {
      return Text.of("timeline.recordWithdrawn", decisionReasons);
    }
    return Text.both(decisionReasons, decisionReasons);
  }

}
