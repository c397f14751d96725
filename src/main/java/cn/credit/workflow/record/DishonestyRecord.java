package cn.credit.workflow.record;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.entity.MarketEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A published dishonesty record (失信信息): one finding of one department about one entity. Every
 * change of state is written to its append-only history in the same transaction.
 */
@Entity
@Table(name = "dishonesty_record")
public class DishonestyRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entity_id")
  private MarketEntity entity;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "department_code")
  private Department department;

  @Enumerated(EnumType.STRING)
  @Column(name = "record_type", nullable = false, length = 40)
  private RecordType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Severity severity;

  @Column(name = "decision_number", nullable = false, length = 100)
  private String decisionNumber;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 2000)
  private String content;

  @Column(name = "decision_date", nullable = false)
  private LocalDate decisionDate;

  @Column(name = "term_end_date")
  private LocalDate termEndDate;

  @Column(name = "earliest_repair_date", nullable = false)
  private LocalDate earliestRepairDate;

  @Column(name = "automatic_end_date", nullable = false)
  private LocalDate automaticEndDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PublicationState state;

  /** A minor record marked necessary to publish (令 36 art. 12) and the department's reason. */
  @Column(name = "publication_necessary", nullable = false)
  private boolean publicationNecessary;

  @Column(name = "publication_reason", length = 1000)
  private String publicationReason;

  /** After a broken commitment: no repair before this date (令 36 art. 25). */
  @Column(name = "repair_barred_until")
  private LocalDate repairBarredUntil;

  @Column(name = "state_changed_at", nullable = false)
  private Instant stateChangedAt;

  /** The intake's facts (seed 003 §二); null for records from before intake existed and for breaches. */
  @Convert(converter = PenaltyTypesColumn.class)
  @Column(name = "penalty_types", length = 400)
  private Set<PenaltyType> penaltyTypes = EnumSet.noneOf(PenaltyType.class);

  @Column(precision = 18, scale = 2)
  private BigDecimal amount;

  @Column(name = "legal_basis", length = 1000)
  private String legalBasis;

  /** What the severity table gave, kept when the department classified otherwise; and its reason. */
  @Enumerated(EnumType.STRING)
  @Column(name = "table_severity", length = 10)
  private Severity tableSeverity;

  @Column(name = "classification_reason", length = 1000)
  private String classificationReason;

  /** Never repairable (seed 003 §十五): a market or industry ban, or a law that excludes repair. */
  @Column(name = "never_repairable", nullable = false)
  private boolean neverRepairable;

  /** The day the department registered the record here: published late when long after the decision. */
  @Column(name = "registered_on")
  private LocalDate registeredOn;

  @Column(name = "registered_late", nullable = false)
  private boolean registeredLate;

  /** Departments that apply joint punishment for this record and must lift it on a repair. */
  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(name = "record_member_department",
      joinColumns = @JoinColumn(name = "record_id"),
      inverseJoinColumns = @JoinColumn(name = "department_code"))
  private Set<Department> jointPunishmentMembers = new HashSet<>();

  @OneToMany(mappedBy = "record", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<RecordHistoryEntry> history = new ArrayList<>();

  @Version
  private long version;

  protected DishonestyRecord() {}

  public DishonestyRecord(RecordFacts facts, PublicationDates dates, String actor, Instant at) {
    this.entity = facts.entity();
    this.department = facts.department();
    this.type = facts.type();
    this.severity = facts.severity();
    this.decisionNumber = facts.decisionNumber();
    this.title = facts.title();
    this.content = facts.content();
    this.decisionDate = facts.decisionDate();
    this.termEndDate = facts.termEndDate();
    if (facts.jointPunishmentMembers() != null) {
      this.jointPunishmentMembers.addAll(facts.jointPunishmentMembers());
    }
    this.earliestRepairDate = dates.earliestRepairDate();
    this.automaticEndDate = dates.automaticEndDate();
    this.stateChangedAt = at;
    if (facts.severity() == Severity.MINOR) {
      // the reason a minor record is published, or that it is not, stays in its history
      this.publicationNecessary = facts.publicationNecessary();
      this.publicationReason = facts.publicationNecessary() ? facts.publicationReason() : null;
    }
    if (facts.published()) {
      this.state = PublicationState.PUBLISHED;
      history.add(new RecordHistoryEntry(this, at, actor, HistoryAction.PUBLISHED, null, state, null,
          publicationNecessary ? "record.reason.minorNecessary" : null, publicationReason, null));
    } else {
      this.state = PublicationState.NOT_PUBLISHED;
      history.add(new RecordHistoryEntry(this, at, actor, HistoryAction.PUBLISHED, null, state, null,
          "record.reason.minorNotPublished", null, null));
    }
  }

  /**
   * Moves the record to another publication state and writes why. A move the state machine does
   * not allow (say, an expired record back to disputed) is refused, so the history stays true.
   */
  public void changeState(PublicationState to, String actor, String reason, String caseRef, Instant at) {
    changeState(to, actor, null, reason, caseRef, at);
  }

  /**
   * The same with a reason the application words: its bundle key ({@code record.reason.…}) and
   * what fills it, the reason a person typed or a date (null for nothing), kept apart so that the
   * history can be shown in either language.
   */
  public void changeState(PublicationState to, String actor, String reasonKey, String reason, String caseRef,
      Instant at) {
    if (!to.reachableFrom().contains(state)) {
      throw new IllegalStateException("record " + id + " cannot go from " + state + " to " + to);
    }
    history.add(new RecordHistoryEntry(this, at, actor, HistoryAction.STATE_CHANGED, state, to, null, reasonKey,
        reason, caseRef));
    this.state = to;
    this.stateChangedAt = at;
  }

  /**
   * Corrects wrong fields after a dispute. The history keeps every old value with who, when, why
   * and the case; the publication dates follow a corrected decision date or term.
   */
  public void correct(RecordCorrection correction, PublicationDates dates, String actor, String reason, String caseRef,
      Instant at) {
    List<String> changes = corrected(correction, dates);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("the correction changes nothing");
    }
    history.add(new RecordHistoryEntry(this, at, actor, HistoryAction.CORRECTED, state, state,
        String.join("\n", changes), reason, caseRef));
  }

  /** Applies a correction's fields and the dates that follow; what changed, "field: old → new". */
  private List<String> corrected(RecordCorrection correction, PublicationDates dates) {
    List<String> changes = new ArrayList<>();
    if (correction.title() != null && !correction.title().equals(title)) {
      changes.add("title: " + title + " → " + correction.title());
      title = correction.title();
    }
    if (correction.content() != null && !correction.content().equals(content)) {
      changes.add("content: " + content + " → " + correction.content());
      content = correction.content();
    }
    if (correction.decisionDate() != null && !correction.decisionDate().equals(decisionDate)) {
      changes.add("decisionDate: " + decisionDate + " → " + correction.decisionDate());
      decisionDate = correction.decisionDate();
    }
    if (correction.termEndDate() != null && !correction.termEndDate().equals(termEndDate)) {
      changes.add("termEndDate: " + termEndDate + " → " + correction.termEndDate());
      termEndDate = correction.termEndDate();
    }
    if (correction.severity() != null && correction.severity() != severity) {
      changes.add("severity: " + severity + " → " + correction.severity());
      severity = correction.severity();
    }
    if (correction.type() != null && correction.type() != type) {
      changes.add("type: " + type + " → " + correction.type());
      type = correction.type();
    }
    if (dates != null && !dates.earliestRepairDate().equals(earliestRepairDate)) {
      changes.add("earliestRepairDate: " + earliestRepairDate + " → " + dates.earliestRepairDate());
      earliestRepairDate = dates.earliestRepairDate();
    }
    if (dates != null && !dates.automaticEndDate().equals(automaticEndDate)) {
      changes.add("automaticEndDate: " + automaticEndDate + " → " + dates.automaticEndDate());
      automaticEndDate = dates.automaticEndDate();
    }
    return changes;
  }

  /** The intake's facts, at registration; a classification other than the table's goes to the history with its reason. */
  void registered(IntakeDetails details, String actor, Instant at) {
    this.penaltyTypes = details.penaltyTypes().isEmpty() ? EnumSet.noneOf(PenaltyType.class)
        : EnumSet.copyOf(details.penaltyTypes());
    this.amount = details.amount();
    this.legalBasis = details.legalBasis();
    this.neverRepairable = details.neverRepairable();
    this.registeredOn = details.registeredOn();
    this.registeredLate = details.registeredLate();
    if (details.tableSeverity() != null && details.tableSeverity() != severity) {
      this.tableSeverity = details.tableSeverity();
      this.classificationReason = details.classificationReason();
      history.add(new RecordHistoryEntry(this, at, actor, HistoryAction.CLASSIFIED, state, state,
          "severity: " + tableSeverity + " → " + severity, classificationReason, null));
    }
  }

  /**
   * The department amends its record after a changed decision: every changed field in one history
   * line, old and new, with the changing document as the reason. The publication state stays.
   */
  void amend(RecordAmendment amendment, PublicationDates dates, String actor, Instant at) {
    amend(amendment, dates, actor, amendment.document(), null, at);
  }

  /** The same, citing the changing decision as {@code cited} and the case that asked for it, if any. */
  void amend(RecordAmendment amendment, PublicationDates dates, String actor, String cited, String caseRef,
      Instant at) {
    // the dates were worked out from the amended decision date, term and severity
    List<String> changes = corrected(amendment.correction() == null ? new RecordCorrection(null, null, null, null)
        : amendment.correction(), dates);
    if (amendment.severity() != null && amendment.severity() != severity) {
      changes.add("severity: " + severity + " → " + amendment.severity());
      severity = amendment.severity();
    }
    if (amendment.penaltyTypes() != null && !amendment.penaltyTypes().isEmpty()
        && !amendment.penaltyTypes().equals(penaltyTypes)) {
      Set<PenaltyType> next = EnumSet.copyOf(amendment.penaltyTypes());
      changes.add("penaltyTypes: " + penaltyTypes + " → " + next);
      penaltyTypes = next;
    }
    if (amendment.amount() != null && (amount == null || amendment.amount().compareTo(amount) != 0)) {
      changes.add("amount: " + amount + " → " + amendment.amount());
      amount = amendment.amount();
    }
    if (amendment.legalBasis() != null && !amendment.legalBasis().equals(legalBasis)) {
      changes.add("legalBasis: " + legalBasis + " → " + amendment.legalBasis());
      legalBasis = amendment.legalBasis();
    }
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("the amendment changes nothing");
    }
    history.add(new RecordHistoryEntry(this, at, actor, HistoryAction.AMENDED, state, state,
        String.join("\n", changes), "record.reason.amended", cited, caseRef));
  }

  public boolean isRepairableOn(LocalDate day) {
    return state.isOnPublicList() && !day.isBefore(earliestRepairDate) && !isBarredOn(day);
  }

  public boolean isBarredOn(LocalDate day) {
    return repairBarredUntil != null && day.isBefore(repairBarredUntil);
  }

  /** The earliest day a repair may be requested, a bar included. */
  public LocalDate repairPossibleFrom() {
    return repairBarredUntil != null && repairBarredUntil.isAfter(earliestRepairDate) ? repairBarredUntil
        : earliestRepairDate;
  }

  /** The applicant broke its commitment: no repair of this record before {@code until}. */
  public void barRepairUntil(LocalDate until, String actor, String reason, String caseRef, Instant at) {
    history.add(new RecordHistoryEntry(this, at, actor, HistoryAction.REPAIR_BARRED, state, state,
        "repairBarredUntil: " + repairBarredUntil + " → " + until, reason, caseRef));
    this.repairBarredUntil = until;
  }

  public Long getId() {
    return id;
  }

  public MarketEntity getEntity() {
    return entity;
  }

  public Department getDepartment() {
    return department;
  }

  public RecordType getType() {
    return type;
  }

  public Severity getSeverity() {
    return severity;
  }

  public String getDecisionNumber() {
    return decisionNumber;
  }

  public String getTitle() {
    return title;
  }

  public String getContent() {
    return content;
  }

  public LocalDate getDecisionDate() {
    return decisionDate;
  }

  public LocalDate getTermEndDate() {
    return termEndDate;
  }

  public LocalDate getEarliestRepairDate() {
    return earliestRepairDate;
  }

  public LocalDate getAutomaticEndDate() {
    return automaticEndDate;
  }

  /** The last day the record is published, what a person reads as 公示截止 ({@link #getAutomaticEndDate} is the day after). */
  public LocalDate getLastDayOfPublication() {
    return automaticEndDate.minusDays(1);
  }

  public PublicationState getState() {
    return state;
  }

  public Instant getStateChangedAt() {
    return stateChangedAt;
  }

  public Set<Department> getJointPunishmentMembers() {
    return Collections.unmodifiableSet(jointPunishmentMembers);
  }

  public List<RecordHistoryEntry> getHistory() {
    return Collections.unmodifiableList(history);
  }

  public boolean isPublicationNecessary() {
    return publicationNecessary;
  }

  public String getPublicationReason() {
    return publicationReason;
  }

  public LocalDate getRepairBarredUntil() {
    return repairBarredUntil;
  }

  public Set<PenaltyType> getPenaltyTypes() {
    return penaltyTypes == null ? Set.of() : Collections.unmodifiableSet(penaltyTypes);
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public Severity getTableSeverity() {
    return tableSeverity;
  }

  public String getClassificationReason() {
    return classificationReason;
  }

  public boolean isNeverRepairable() {
    return neverRepairable;
  }

  public LocalDate getRegisteredOn() {
    return registeredOn;
  }

  public boolean isRegisteredLate() {
    return registeredLate;
  }

  public long getVersion() {
    return version;
  }
}
