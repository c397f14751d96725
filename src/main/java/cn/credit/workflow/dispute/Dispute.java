package cn.credit.workflow.dispute;

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

/** A dispute (信用信息异议) about one published record, from filing to the written reply. */
@Entity
@Table(name = "dispute")
public class Dispute {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_ref", nullable = false, length = 32)
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
  private DisputeGround ground;

  @Column(nullable = false, length = 4000)
  private String facts;

  @Column(length = 4000)
  private String proof;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private DisputeState state;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "template_id", nullable = false)
  private Long templateId;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "due_provisional", nullable = false)
  private boolean dueProvisional;

  @Column(name = "assist_department", length = 32)
  private String assistDepartment;

  @Column(name = "extension_reason", length = 1000)
  private String extensionReason;

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

  @Column(name = "letter_code", length = 20)
  private String letterCode;

  @Version
  private long version;

  protected Dispute() {}

  Dispute(String provisionalCaseRef, DishonestyRecord record, String applicant, DisputeGround ground, String facts,
      String proof, Long templateId, Instant receivedAt) {
    this.caseRef = provisionalCaseRef;
    this.record = record;
    this.entity = record.getEntity();
    this.departmentCode = record.getDepartment().getCode();
    this.applicant = applicant;
    this.ground = ground;
    this.facts = facts;
    this.proof = proof;
    this.templateId = templateId;
    this.receivedAt = receivedAt;
    this.state = DisputeState.AWAITING_SIGNATURE;
  }

  void assignCaseRef(String caseRef) {
    this.caseRef = caseRef;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void moveTo(DisputeState state) {
    this.state = state;
  }

  void due(LocalDate dueDate, boolean provisional) {
    this.dueDate = dueDate;
    this.dueProvisional = provisional;
  }

  void assistedBy(String department) {
    this.assistDepartment = department;
  }

  void extended(String reason) {
    this.extensionReason = reason;
  }

  void decided(DisputeOutcome outcome, String reasons, String changes) {
    this.outcome = outcome;
    this.reasons = reasons;
    this.changes = changes;
  }

  void ended(DisputeState state, String reasons, String letterCode, Instant at) {
    this.state = state;
    if (reasons != null) {
      this.reasons = reasons;
    }
    this.letterCode = letterCode;
    this.repliedAt = at;
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

  public String getAssistDepartment() {
    return assistDepartment;
  }

  public String getExtensionReason() {
    return extensionReason;
  }

  public DisputeOutcome getOutcome() {
    return outcome;
  }

  public String getReasons() {
    return reasons;
  }

  public String getChanges() {
    return changes;
  }

  public Instant getRepliedAt() {
    return repliedAt;
  }

  public String getLetterCode() {
    return letterCode;
  }
}
