package cn.credit.workflow.intake;

import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.deadline.TimeLimits;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.entity.ValidUscc;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.IntakeDetails;
import cn.credit.workflow.record.PenaltyType;
import cn.credit.workflow.record.RecordAmendment;
import cn.credit.workflow.record.RecordCorrection;
import cn.credit.workflow.record.RecordDates;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.RevokingDecision;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.OneOf;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department registers, amends and withdraws its own records (seed 003 §二; 令 36 arts. 8–12, 19).
 * Only its reviewers and leaders act for it; another department's record is as if there were none.
 */
@Service
public class RecordIntake {

  private final RecordService records;
  private final Entities entities;
  private final Users users;
  private final SeverityTable severities;
  private final Validity validity;
  private final WorkingDayCalendar calendar;
  private final TimeLimits limits;
  private final Clock clock;
  private final EntityManager entityManager;

  RecordIntake(RecordService records, Entities entities, Users users, SeverityTable severities, Validity validity,
      WorkingDayCalendar calendar, TimeLimits limits, Clock clock, EntityManager entityManager) {
    this.entityManager = entityManager;
    this.calendar = calendar;
    this.limits = limits;
    this.records = records;
    this.entities = entities;
    this.users = users;
    this.severities = severities;
    this.validity = validity;
    this.clock = clock;
  }

  /**
   * A finding as the department states it. {@code severity} is given only to classify otherwise
   * than the table, with {@code classificationReason}; a minor record is published only when marked
   * necessary with {@code publicationReason} (令 36 art. 12).
   */
  public record RecordForm(
      @NotBlank(message = "{field.required}") @Size(max = 100, message = "{record.decisionNumber.size}") String decisionNumber,
      @NotBlank(message = "{field.required}") @ValidUscc String uscc,
      @OneOf(RecordType.class) String type,
      List<String> penaltyTypes,
      @NotBlank(message = "{field.required}") @Size(max = 200, message = "{entity.name.size}") String title,
      @Size(max = 2000, message = "{record.content.size}") String content,
      @NotNull(message = "{field.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termEndDate,
      @DecimalMin(value = "0", message = "{record.amount.invalid}")
      @Digits(integer = 16, fraction = 2, message = "{record.amount.invalid}") BigDecimal amount,
      @Size(max = 1000, message = "{record.reason.size}") String legalBasis,
      String severity,
      @Size(max = 1000, message = "{record.reason.size}") String classificationReason,
      Boolean publicationNecessary,
      @Size(max = 1000, message = "{record.reason.size}") String publicationReason,
      Boolean neverRepairable) {

    /** A checkbox not ticked is not sent at all: absent is no. */
    boolean necessary() {
      return Boolean.TRUE.equals(publicationNecessary);
    }

    boolean neverRepair() {
      return Boolean.TRUE.equals(neverRepairable);
    }

    static RecordForm empty() {
      return new RecordForm(null, null, null, List.of(), null, null, null, null, null, null, null, null, false, null,
          false);
    }
  }

  /** Where a check finds an entity by its code (null: none) and the table's severity; a batch remembers both. */
  record Lookups(Function<String, MarketEntity> entity, BiFunction<RecordType, Set<PenaltyType>, Severity> severity) {}

  /** The lookups of one record: the database and the decision table, each asked anew. */
  Lookups lookups() {
    return new Lookups(code -> entities.findByUscc(code).orElse(null), severities::of);
  }

  /** A record checked and ready to register: its facts and the intake's details. */
  record Checked(RecordFacts facts, IntakeDetails details) {}

  /** A department's amendment: the changed fields (null: unchanged) and the changing document. */
  public record AmendForm(
      @Size(max = 200, message = "{entity.name.size}") String title,
      @Size(max = 2000, message = "{record.content.size}") String content,
      LocalDate decisionDate, LocalDate termEndDate, List<String> penaltyTypes,
      @DecimalMin(value = "0", message = "{record.amount.invalid}")
      @Digits(integer = 16, fraction = 2, message = "{record.amount.invalid}") BigDecimal amount,
      @Size(max = 1000, message = "{record.reason.size}") String legalBasis,
      String severity,
      @NotBlank(message = "{record.document.required}") @Size(max = 200, message = "{record.document.required}")
      String document,
      @NotNull(message = "{record.documentDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate documentDate,
      @NotBlank(message = "{record.revisionReason.required}") @Size(max = 500, message = "{valid.atMost}")
      String reason) {

    static AmendForm empty() {
      return new AmendForm(null, null, null, null, List.of(), null, null, null, null, null, null);
    }
  }

  /**
   * The revoking decision: its document, its date (the department's limit counts from it, 条例 art. 40)
   * and the officer's reason.
   */
  public record WithdrawForm(
      @NotBlank(message = "{record.document.required}") @Size(max = 200, message = "{record.document.required}")
      String document,
      @NotNull(message = "{record.documentDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate documentDate,
      @NotBlank(message = "{record.revisionReason.required}") @Size(max = 500, message = "{valid.atMost}")
      String reason) {}

  @Transactional
  public RecordView register(RecordForm form, String username) {
    Department department = departmentOf(username);
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = check(form, department, problems, lookups());
    if (checked == null) {
      throw ApiProblem.unprocessable(problems, "record.notRegistered");
    }
    String number = checked.facts().decisionNumber();
    if (records.findByDepartmentAndNumber(department.getCode(), number).isPresent()) {
      throw NumberTakenMeanwhile.conflict(number);
    }
    try {
      DishonestyRecord record = records.register(checked.facts(), checked.details(), username);
      entityManager.flush(); // the unique index answers here, inside this method, not at commit
      return RecordView.of(record);
    } catch (PersistenceException | DataIntegrityViolationException e) {
      if (NumberTakenMeanwhile.isCause(e)) {
        throw NumberTakenMeanwhile.conflict(number); // registered by another request since the look above
      }
      throw e;
    }
  }

  /**
   * Every problem of the form, by field, into {@code problems}; the record to register when there is
   * none. The same check for one record and for each row of a batch.
   */
  Checked check(RecordForm form, Department department, List<FieldProblem> problems, Lookups lookups) {
    problems.addAll(validity.problems(form));
    Set<PenaltyType> penalties = penalties(form.penaltyTypes(), problems);
    RecordType type = parse(RecordType.class, form.type());
    if (type == RecordType.ADMINISTRATIVE_PENALTY && penalties.isEmpty() && !mentions(problems, "penaltyTypes")) {
      problems.add(FieldProblem.of("penaltyTypes", "record.penaltyTypes.required"));
    }
    if (type == RecordType.BROKEN_COMMITMENT) {
      problems.add(FieldProblem.of("type", "record.type.notRegistered"));
    }
    Severity chosen = null;
    if (form.severity() != null && !form.severity().isBlank()) {
      chosen = parse(Severity.class, form.severity());
      if (chosen == null) {
        problems.add(FieldProblem.of("severity", "field.oneOf", List.of(Severity.values()).toString()));
      }
    }
    MarketEntity entity = null;
    if (!mentions(problems, "uscc")) {
      String code = Uscc.normalize(form.uscc());
      entity = lookups.entity().apply(code);
      if (entity == null) {
        problems.add(FieldProblem.of("uscc", "record.entity.unknown", code));
      }
    }
    LocalDate today = LocalDate.now(clock);
    problems.addAll(RecordDates.problems("decisionDate", form.decisionDate(), "termEndDate", form.termEndDate(), today));
    if (form.decisionDate() != null && form.termEndDate() != null && form.termEndDate().isBefore(form.decisionDate())) {
      problems.add(FieldProblem.of("termEndDate", "record.termEnd.beforeDecision"));
    }
    if (!problems.isEmpty() || type == null) {
      return null;
    }
    Severity table = lookups.severity().apply(type, penalties);
    Severity severity = chosen == null ? table : chosen;
    if (severity != table && isBlank(form.classificationReason())) {
      problems.add(FieldProblem.of("classificationReason", "record.classificationReason.required", Text.of(
          "severity." + table.name())));
    }
    if (severity == Severity.MINOR && form.necessary() && isBlank(form.publicationReason())) {
      problems.add(FieldProblem.of("publicationReason", "record.publicationReason.required"));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    RecordFacts facts = new RecordFacts(entity, department, type, severity, form.decisionNumber().strip(),
        form.title().strip(), blankToNull(form.content()), form.decisionDate(), form.termEndDate(), Set.of(),
        form.necessary(), blankToNull(form.publicationReason()));
    // published late: registered after the limit's last working day from the decision (seed 003 §二)
    LocalDate publishBy = calendar.plusWorkingDays(form.decisionDate(), limits.inForceOn(calendar.today()).workingDays(Step.PUBLISH)).date();
    IntakeDetails details = new IntakeDetails(penalties, form.amount(), blankToNull(form.legalBasis()), table,
        severity == table ? null : form.classificationReason().strip(), form.neverRepair(), today,
        today.isAfter(publishBy));
    return new Checked(facts, details);
  }

  @Transactional
  public RecordView amend(Long recordId, AmendForm form, String username) {
    RecordView record = own(recordId, username);
    List<FieldProblem> problems = new ArrayList<>(validity.problems(form));
    problems.addAll(documentDateProblems(form.documentDate(), record));
    Set<PenaltyType> penalties = penalties(form.penaltyTypes(), problems);
    Severity severity = null;
    if (form.severity() != null && !form.severity().isBlank()) {
      severity = parse(Severity.class, form.severity());
      if (severity == null) {
        problems.add(FieldProblem.of("severity", "field.oneOf", List.of(Severity.values()).toString()));
      }
    }
    RecordAmendment amendment = new RecordAmendment(new RecordCorrection(blankToNull(form.title()),
        blankToNull(form.content()), form.decisionDate(), form.termEndDate()), penalties, form.amount(),
        blankToNull(form.legalBasis()), severity, form.document() == null ? null : form.document().strip());
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "record.notAmended");
    }
    try {
      return RecordView.of(records.amend(recordId, amendment,
          new RevokingDecision(amendment.document(), form.documentDate(), form.reason().strip()), username, null));
    } catch (IllegalArgumentException nothing) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("", "record.amendment.changesNothing")),
          "record.notAmended");
    }
  }

  @Transactional
  public RecordView withdraw(Long recordId, WithdrawForm form, String username) {
    RecordView record = own(recordId, username);
    List<FieldProblem> problems = new ArrayList<>(validity.problems(form));
    problems.addAll(documentDateProblems(form.documentDate(), record));
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "record.notWithdrawn");
    }
    return RecordView.of(records.withdraw(recordId, new RevokingDecision(form.document().strip(), form.documentDate(),
        form.reason().strip()), username, null));
  }

  /** A revoking or changing decision is dated between the record's decision and today. */
  private List<FieldProblem> documentDateProblems(LocalDate documentDate, RecordView record) {
    if (documentDate == null) {
      return List.of();
    }
    if (documentDate.isAfter(LocalDate.now(clock))) {
      return List.of(FieldProblem.of("documentDate", "record.documentDate.future"));
    }
    if (documentDate.isBefore(record.decisionDate())) {
      return List.of(FieldProblem.of("documentDate", "record.documentDate.beforeDecision", record.decisionDate()));
    }
    return List.of();
  }

  /**
   * The department's own record for its pages: another department's is refused (403), none is 404;
   * the API answers {@link #own} (404 alike).
   */
  @Transactional(readOnly = true)
  public RecordView ownOnPage(Long recordId, String username) {
    Department department = departmentOf(username);
    DishonestyRecord record = records.findById(recordId).orElseThrow(() -> ApiProblem.notFound("record.none", recordId));
    if (!record.getDepartment().getCode().equals(department.getCode())) {
      throw ApiProblem.forbidden("record.otherDepartment", recordId);
    }
    return RecordView.of(record);
  }

  /** The department's own record; another's, or none, is 404 alike. */
  @Transactional(readOnly = true)
  public RecordView own(Long recordId, String username) {
    Department department = departmentOf(username);
    return records.findById(recordId).filter(r -> r.getDepartment().getCode().equals(department.getCode()))
        .map(RecordView::of).orElseThrow(() -> ApiProblem.notFound("record.none", recordId));
  }

  @Transactional(readOnly = true)
  public List<RecordView> latest(String username) {
    return records.latestOf(departmentOf(username).getCode()).stream().map(RecordView::of).toList();
  }

  /** The department a reviewer or leader acts for; anyone else registers no records. */
  @Transactional(readOnly = true)
  public Department departmentOf(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (user.getDepartment() == null || !(user.hasRole(Role.REVIEWER) || user.hasRole(Role.LEADER))) {
      throw ApiProblem.forbidden("record.intake.departmentOnly");
    }
    return user.getDepartment();
  }

  private static Set<PenaltyType> penalties(List<String> names, List<FieldProblem> problems) {
    Set<PenaltyType> penalties = EnumSet.noneOf(PenaltyType.class);
    if (names == null) {
      return penalties;
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i) == null ? "" : names.get(i).strip();
      if (name.isEmpty()) {
        continue;
      }
      PenaltyType penalty = parse(PenaltyType.class, name);
      if (penalty == null) {
        problems.add(FieldProblem.of("penaltyTypes[" + i + "]", "field.oneOf",
            List.of(PenaltyType.values()).toString()));
      } else {
        penalties.add(penalty);
      }
    }
    return penalties;
  }

  private static boolean mentions(List<FieldProblem> problems, String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field) || p.field().startsWith(field + "["));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
