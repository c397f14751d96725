package cn.credit.workflow.casefile;

import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.text.DueDay;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * What every kind of case records, whatever it asks: its reference, the record and entity it is
 * about, the department that decides, the applicant, its run in the engine, the commitment template
 * it was filed with, when it was received and is due, an extension, the letter that ends it. Each
 * kind's entity adds its own fields and its own states.
 */
@MappedSuperclass
public abstract class CaseRecord {

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

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  /** null for a kind that asks no commitment (bankruptcy shielding) */
  @Column(name = "template_id")
  private Long templateId;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "due_provisional", nullable = false)
  private boolean dueProvisional;

  @Column(name = "extension_reason", length = 1000)
  private String extensionReason;

  @Column(name = "letter_code", unique = true, length = 20)
  private String letterCode;

  /** The rule profile in force on the day of receipt; null for cases from before profiles were recorded. */
  @Column(name = "rule_profile", length = 64)
  private String ruleProfile;

  @Version
  private long version;

  protected CaseRecord() {}

  /** A case about the record, decided by the record's department, filed by the applicant. */
  protected CaseRecord(String provisionalCaseRef, DishonestyRecord record, String applicant, Long templateId,
      Instant receivedAt) {
    this.caseRef = provisionalCaseRef;
    this.record = record;
    this.entity = record.getEntity();
    this.departmentCode = record.getDepartment().getCode();
    this.applicant = applicant;
    this.templateId = templateId;
    this.receivedAt = receivedAt;
  }

  /** The departments the case concerns besides the applicant: they, the credit office and leaders may see it. */
  public abstract Collection<String> departmentsConcerned();

  /** Where the case stands, in its kind's own states. */
  public abstract CaseState getState();

  /**
   * The record was withdrawn because its decision was revoked (令 36 art. 19): an open case of a kind
   * that ends with its record moves to its kind's state for that and says true; the others (a repair
   * request ends by its own listener) stay as they are and say false.
   */
  public boolean endedWithTheRecord(String revokingDocument, Instant at) {
    return false;
  }

  /** The case is handled by this rule profile from now on. */
  public void ruledBy(String profile) {
    this.ruleProfile = profile;
  }

  /** The reference, once the case has its number ({@link CaseKind#reference}). */
  public void assignCaseRef(String caseRef) {
    this.caseRef = caseRef;
  }

  /** The case's run in the engine has started. */
  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** When the whole case is due; provisional while a step that moves it is still ahead. */
  public void due(LocalDate dueDate, boolean provisional) {
    this.dueDate = dueDate;
    this.dueProvisional = provisional;
  }

  public void extended(String reason) {
    this.extensionReason = reason;
  }

  /** The letter that ends the case, by its verification code. */
  protected void issued(String letterCode) {
    this.letterCode = letterCode;
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

  /** The whole case's due date as a notice names it, marked when provisional. */
  public DueDay dueDay() {
    return new DueDay(dueDate, dueProvisional);
  }

  public String getExtensionReason() {
    return extensionReason;
  }

  public String getRuleProfile() {
    return ruleProfile;
  }

  public String getLetterCode() {
    return letterCode;
  }
}
