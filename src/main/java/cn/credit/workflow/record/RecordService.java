package cn.credit.workflow.record;

import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.deadline.TimeLimits;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes records and moves them between publication states, always with a history line. */
@Service
public class RecordService {

  /** Actor name written to the history for what the system does by itself. */
  public static final String SYSTEM_ACTOR = "system";

  private static final Logger log = LoggerFactory.getLogger(RecordService.class);

  private final DishonestyRecordRepository records;
  private final PublicationPeriods periods;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final RecordRevisionRepository revisions;
  private final WorkingDayCalendar calendar;
  private final TimeLimits limits;

  RecordService(DishonestyRecordRepository records, PublicationPeriods periods, Clock clock,
      ApplicationEventPublisher events, RecordRevisionRepository revisions, WorkingDayCalendar calendar,
      TimeLimits limits) {
    this.records = records;
    this.periods = periods;
    this.clock = clock;
    this.events = events;
    this.revisions = revisions;
    this.calendar = calendar;
    this.limits = limits;
  }

  @Transactional(readOnly = true)
  public Optional<DishonestyRecord> findById(Long id) {
    return records.findById(id);
  }

  /** The entity's records, the latest decision first. */
  @Transactional(readOnly = true)
  public List<DishonestyRecord> findByEntityIdOrderByDecisionDateDesc(Long entityId) {
    return records.findByEntityIdOrderByDecisionDateDesc(entityId);
  }

  @Transactional
  public DishonestyRecord publish(RecordFacts facts, String actor) {
    refuseOutOfRange(facts.decisionDate(), facts.termEndDate());
    if (facts.severity() == Severity.MINOR && facts.publicationNecessary()
        && (facts.publicationReason() == null || facts.publicationReason().isBlank())) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("publicationReason", "record.publicationReason.required")),
          "record.publicationReason.required");
    }
    PublicationDates dates = periods.datesFor(facts.severity(), facts.decisionDate(), facts.termEndDate());
    DishonestyRecord record = records.save(new DishonestyRecord(facts, dates, actor, clock.instant()));
    log.info("{} record {} ({}, {}) of {} by {}", facts.published() ? "Published" : "Kept unpublished",
        record.getId(), facts.severity(), facts.decisionNumber(), facts.entity().getUscc(),
        facts.department().getCode());
    return record;
  }

  /**
   * Registers a department's own finding with the intake's facts: published as {@link #publish}
   * does, in the same transaction, so a record is never there without them.
   */
  @Transactional
  public DishonestyRecord register(RecordFacts facts, IntakeDetails details, String actor) {
    DishonestyRecord record = publish(facts, actor);
    record.registered(details, actor, clock.instant());
    return record;
  }

  /** The department's record with this document number, if it registered one. */
  @Transactional(readOnly = true)
  public Optional<DishonestyRecord> findByDepartmentAndNumber(String departmentCode, String decisionNumber) {
    return records.findByDepartmentCodeAndDecisionNumber(departmentCode, decisionNumber);
  }

  /** Which of these document numbers the department registered already. */
  @Transactional(readOnly = true)
  public List<String> registeredNumbers(String departmentCode, Collection<String> numbers) {
    return numbers.isEmpty() ? List.of() : records.registeredNumbers(departmentCode, numbers);
  }

  /** A department's registrations through intake and how many were late (seed 003 §二). */
  public record Registrations(String department, long registered, long late) {}

  /** A record registered late: what the leaders' view lists. */
  public record LateRegistration(Long id, String decisionNumber, String department, String entityName,
      LocalDate decisionDate, LocalDate registeredOn) {}

  @Transactional(readOnly = true)
  public List<Registrations> registrationsByDepartment() {
    return records.registrationsByDepartment().stream().map(row -> new Registrations((String) row[0],
        ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue())).toList();
  }

  /** The latest 50 late registrations, of the departments in {@code scope} (null: all). */
  @Transactional(readOnly = true)
  public List<LateRegistration> latestLate(Collection<String> scope) {
    List<DishonestyRecord> late = scope == null ? records.findTop50ByRegisteredLateTrueOrderByIdDesc()
        : records.findTop50ByRegisteredLateTrueAndDepartmentCodeInOrderByIdDesc(scope);
    return late.stream().map(r -> new LateRegistration(r.getId(), r.getDecisionNumber(), r.getDepartment().getCode(),
        r.getEntity().getName(), r.getDecisionDate(), r.getRegisteredOn())).toList();
  }

  /** The department's latest records, at most 100. */
  @Transactional(readOnly = true)
  public List<DishonestyRecord> latestOf(String departmentCode) {
    return records.findTop100ByDepartmentCodeOrderByIdDesc(departmentCode);
  }

  /**
   * Amends a record after its decision changed: the dates follow the amended decision date, term and
   * severity; the old values stay in the history with the changing document.
   */
  @Transactional
  public DishonestyRecord amend(Long recordId, RecordAmendment amendment, String actor) {
    return amend(recordId, amendment, new RevokingDecision(amendment.document(), null, null), actor, null);
  }

  /**
   * The same, citing the changing decision with its date and a reason: the amendment is registered
   * late when after the profile's revocation-report limit from that date (条例 art. 40). A severity
   * that changes between minor and the others moves the record onto or off the public pages (令 36
   * art. 12): a minor one stays published when its department marked it necessary, and one whose
   * maximum period has passed is not published again. Open cases on the record adapt
   * ({@link RecordAmended}).
   */
  @Transactional
  public DishonestyRecord amend(Long recordId, RecordAmendment amendment, RevokingDecision decision, String actor,
      String caseRef) {
    RecordCorrection correction = amendment.correction() == null ? new RecordCorrection(null, null, null, null)
        : amendment.correction();
    refuseOutOfRange(correction.decisionDate(), correction.termEndDate());
    DishonestyRecord record = records.findById(recordId).orElseThrow();
    LocalDate decided = correction.decisionDate() != null ? correction.decisionDate() : record.getDecisionDate();
    LocalDate term = correction.termEndDate() != null ? correction.termEndDate() : record.getTermEndDate();
    Severity severity = amendment.severity() != null ? amendment.severity() : record.getSeverity();
    boolean wasPublic = record.getState().isOnPublicList();
    record.amend(amendment, periods.datesFor(severity, decided, term), actor, decision.cited(), caseRef,
        clock.instant());
    String changes = record.getHistory().get(record.getHistory().size() - 1).getChanges();
    if (record.getState() == PublicationState.NOT_PUBLISHED && severity != Severity.MINOR
        && record.getAutomaticEndDate().isAfter(LocalDate.now(clock))) {
      record.changeState(PublicationState.PUBLISHED, actor, "record.reason.amendedPublished", decision.document(),
          caseRef, clock.instant());
    } else if (record.getState() == PublicationState.PUBLISHED && severity == Severity.MINOR
        && !record.isPublicationNecessary()) {
      record.changeState(PublicationState.NOT_PUBLISHED, actor, "record.reason.amendedNotPublished",
          decision.document(), caseRef, clock.instant());
    }
    RecordRevision revision = revised(record, RecordRevision.Action.AMENDED, decision, actor, caseRef);
    events.publishEvent(new RecordAmended(record.getId(), revision.getId(), decision.document(), changes,
        wasPublic && !record.getState().isOnPublicList(), actor, caseRef));
    log.info("Amended record {} by {} ({})", recordId, actor, decision.document());
    return record;
  }

  /**
   * Withdraws a record whose decision was revoked (令 36 art. 19): it leaves the public pages at once
   * and the cases open on it end with it ({@link RecordRevoked}).
   */
  @Transactional
  public DishonestyRecord withdraw(Long recordId, String revokingDocument, String actor) {
    return withdraw(recordId, new RevokingDecision(revokingDocument, null, null), actor, null);
  }

  /** The same, citing the revoking decision with its date and a reason; late as an amendment is late. */
  @Transactional
  public DishonestyRecord withdraw(Long recordId, RevokingDecision decision, String actor, String caseRef) {
    DishonestyRecord record = records.findById(recordId).orElseThrow();
    if (record.getState() == PublicationState.WITHDRAWN) {
      throw ApiProblem.conflict("record.withdrawn.already", record.getDecisionNumber());
    }
    record.changeState(PublicationState.WITHDRAWN, actor, "record.reason.revoked", decision.cited(), caseRef,
        clock.instant());
    revised(record, RecordRevision.Action.WITHDRAWN, decision, actor, caseRef);
    events.publishEvent(new RecordRevoked(record.getId(), decision.document(), actor, caseRef));
    log.info("Withdrew record {} by {} ({})", recordId, actor, decision.document());
    return record;
  }

  /** Registers the withdrawal or amendment, late when after the limit counted from the decision's date. */
  private RecordRevision revised(DishonestyRecord record, RecordRevision.Action action, RevokingDecision decision,
      String actor, String caseRef) {
    LocalDate today = calendar.today();
    boolean late = decision.date() != null && today.isAfter(reportDue(decision.date()));
    return revisions.save(new RecordRevision(record, action, decision, today, late, caseRef, actor, clock.instant()));
  }

  /** The last day to withdraw or amend after a revoking or changing decision of that date (条例 art. 40). */
  public LocalDate reportDue(LocalDate decisionDate) {
    return calendar.plusWorkingDays(decisionDate,
        limits.inForceOn(decisionDate).workingDays(Step.REVOCATION_REPORT)).date();
  }

  /** Whether the department amended the record since that moment (a case asks it before it says so). */
  @Transactional(readOnly = true)
  public boolean amendedSince(Long recordId, Instant since) {
    return revisions.existsByRecordIdAndActionAndOccurredAtGreaterThanEqual(recordId, RecordRevision.Action.AMENDED,
        since);
  }

  /** Each department's withdrawals and amendments after revoking or changing decisions, and how many were late. */
  @Transactional(readOnly = true)
  public List<Registrations> revisionsByDepartment() {
    return revisions.revisionsByDepartment().stream().map(row -> new Registrations((String) row[0],
        ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue())).toList();
  }

  /** A withdrawal or amendment registered late: what the leaders' view lists. */
  public record LateRevision(Long recordId, String document, String department, RecordRevision.Action action,
      LocalDate documentDate, LocalDate registeredOn) {}

  /** The latest 50 late withdrawals and amendments, of the departments in {@code scope} (null: all). */
  @Transactional(readOnly = true)
  public List<LateRevision> latestLateRevisions(Collection<String> scope) {
    List<RecordRevision> late = scope == null ? revisions.findTop50ByRegisteredLateTrueOrderByIdDesc()
        : revisions.findTop50ByRegisteredLateTrueAndDepartmentCodeInOrderByIdDesc(scope);
    return late.stream().map(r -> new LateRevision(r.getRecordId(), r.getDocument(), r.getDepartmentCode(),
        r.getAction(), r.getDocumentDate(), r.getRegisteredOn())).toList();
  }

  /** Corrects a record's wrong fields; the publication dates are worked out again from the corrected ones. */
  @Transactional
  public DishonestyRecord correct(Long recordId, RecordCorrection correction, String actor, String reason,
      String caseRef) {
    refuseOutOfRange(correction.decisionDate(), correction.termEndDate());
    DishonestyRecord record = records.findById(recordId).orElseThrow();
    LocalDate decided = correction.decisionDate() != null ? correction.decisionDate() : record.getDecisionDate();
    LocalDate term = correction.termEndDate() != null ? correction.termEndDate() : record.getTermEndDate();
    // a corrected severity brings its own periods (arts. 8-10), counted from the decision as always
    Severity severity = correction.severity() != null ? correction.severity() : record.getSeverity();
    record.correct(correction, periods.datesFor(severity, decided, term), actor, reason, caseRef,
        clock.instant());
    log.info("Corrected record {} in {} by {}", recordId, caseRef, actor);
    return record;
  }

  private void refuseOutOfRange(LocalDate decisionDate, LocalDate termEndDate) {
    List<FieldProblem> problems = RecordDates.problems("decisionDate", decisionDate, "termEndDate", termEndDate,
        LocalDate.now(clock));
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "record.dates.outOfRange");
    }
  }

  /** Ends the publication of every record whose maximum period has passed; returns how many. */
  @Transactional
  public int expireRecordsDueBy(LocalDate today) {
    List<DishonestyRecord> due = records.findByStateInAndAutomaticEndDateLessThanEqual(
        List.of(PublicationState.PUBLISHED, PublicationState.DISPUTED), today);
    for (DishonestyRecord record : due) {
      record.changeState(PublicationState.EXPIRED, SYSTEM_ACTOR, "record.reason.expired",
          record.getAutomaticEndDate().toString(), null, clock.instant());
      events.publishEvent(new RecordExpired(record.getId()));
    }
    return due.size();
  }

  /**
   * Takes a record off the public pages while its entity is under court reorganisation or
   * settlement (令 36 art. 20); false when it is no longer on them (its publication ended meanwhile).
   */
  @Transactional
  public boolean shield(Long recordId, String actor, String courtCaseNumber, String caseRef) {
    DishonestyRecord record = records.findById(recordId).orElseThrow();
    if (!record.getState().isOnPublicList()) {
      return false;
    }
    record.changeState(PublicationState.SHIELDED, actor, "record.reason.shielded", courtCaseNumber, caseRef,
        clock.instant());
    return true;
  }

  /**
   * The court ended the plan unsuccessfully: a shielded record is published again, or ends as
   * expired when its maximum period passed while it was shielded (then as the daily run would end it).
   */
  @Transactional
  public PublicationState unshield(Long recordId, String actor, String courtRuling, String caseRef) {
    DishonestyRecord record = records.findById(recordId).orElseThrow();
    if (record.getState() != PublicationState.SHIELDED) {
      return record.getState();
    }
    LocalDate today = LocalDate.now(clock);
    if (record.getAutomaticEndDate() != null && !record.getAutomaticEndDate().isAfter(today)) {
      record.changeState(PublicationState.EXPIRED, actor, "record.reason.expiredWhileShielded",
          record.getAutomaticEndDate().toString(), caseRef, clock.instant());
      events.publishEvent(new RecordExpired(record.getId()));
    } else {
      record.changeState(PublicationState.PUBLISHED, actor, "record.reason.unshielded", courtRuling, caseRef,
          clock.instant());
    }
    return record.getState();
  }
}
