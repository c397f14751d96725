package cn.credit.workflow.repair;

import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.record.DishonestyRecord;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A credit repair request (信用修复申请): one entity, one record, one case. */
@Entity
@Table(name = "repair_request")
public class RepairRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_ref", nullable = false, unique = true, length = 32)
  private String caseRef;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "record_id")
  private DishonestyRecord record;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entity_id")
  private MarketEntity entity;

  @Column(name = "department_code", nullable = false, length = 32)
  private String departmentCode;

  @Column(nullable = false, length = 64)
  private String applicant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private RepairState state;

  @Column(nullable = false, length = 4000)
  private String proof;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "template_id", nullable = false)
  private Long templateId;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "due_provisional", nullable = false)
  private boolean dueProvisional;

  @Column(name = "supplement_notice", length = 2000)
  private String supplementNotice;

  @Column(name = "supplement_answer", length = 4000)
  private String supplementAnswer;

  @Column(name = "extension_reason", length = 1000)
  private String extensionReason;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reasons", length = 2000)
  private String decisionReasons;

  @Column(name = "letter_code", unique = true, length = 20)
  private String letterCode;

  @Version
  private long version;

  protected RepairRequest() {}

  RepairRequest(String provisionalCaseRef, DishonestyRecord record, String applicant, String proof, Long templateId,
      Instant receivedAt, LocalDate dueDate, boolean dueProvisional) {
    this.caseRef = provisionalCaseRef;
    this.record = record;
    this.entity = record.getEntity();
    this.departmentCode = record.getDepartment().getCode();
    this.applicant = applicant;
    this.proof = proof;
    this.templateId = templateId;
    this.receivedAt = receivedAt;
    this.dueDate = dueDate;
    this.dueProvisional = dueProvisional;
    this.state = RepairState.AWAITING_SIGNATURE;
  }

  void assignCaseRef(String caseRef) {
    this.caseRef = caseRef;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
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

  void extended(String reason) {
    this.extensionReason = reason;
  }

  void decided(RepairState outcome, String reasons, String letterCode, Instant at) {
    this.state = outcome;
    this.decisionReasons = reasons;
    this.letterCode = letterCode;
    this.decidedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public DishonestyRecord getRecord() {
    return record;
  }

  public MarketEntity getEntity() {
    return entity;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public String getApplicant() {
    return applicant;
  }

  public RepairState getState() {
    return state;
  }

  public String getProof() {
    return proof;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Long getTemplateId() {
    return templateId;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public boolean isDueProvisional() {
    return dueProvisional;
  }

  public String getSupplementNotice() {
    return supplementNotice;
  }

  public String getSupplementAnswer() {
    return supplementAnswer;
  }

  public String getExtensionReason() {
    return extensionReason;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionReasons() {
    return decisionReasons;
  }

  public String getLetterCode() {
    return letterCode;
  }
}
