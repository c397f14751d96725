package cn.credit.workflow.revocation;

import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseTexts;
import cn.credit.workflow.casefile.CaseViewers;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.OneOf;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes reports that a record's decision was revoked or changed (令 36 art. 19) and answers who may
 * see them; the steps of the process are in {@link RevocationSteps}. The entity reports from its
 * portal or the API, the credit office through the API; either way with the revoking or changing
 * document as a file.
 */
@Service
public class RevocationService {

  public static final String PROCESS_KEY = CaseKind.REVOCATION.processKey();

  /** A report as filed: the record, whether revoked or changed, by whom, the document, its date (yyyy-MM-dd). */
  public record Report(@NotNull(message = "{revocation.recordId.required}") Long recordId,
      @OneOf(value = ChangeKind.class, message = "{revocation.changeKind.unknown}",
          missing = "{revocation.changeKind.required}") String changeKind,
      @NotBlank(message = "{revocation.authority.required}") @Size(max = 200, message = "{valid.atMost}") String authority,
      @NotBlank(message = "{revocation.document.required}") @Size(max = 200, message = "{valid.atMost}") String document,
      @NotBlank(message = "{revocation.documentDate.required}") String documentDate,
      @Size(max = 4000, message = "{valid.atMost}") String statement) {}

  private final RevocationRepository revocations;
  private final RecordService records;
  private final Users users;
  private final AttachmentService attachments;
  private final WorkingDayCalendar calendar;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicants;
  private final Deadlines deadlines;
  private final Validity validity;
  private final Clock clock;

  RevocationService(RevocationRepository revocations, RecordService records, Users users,
      AttachmentService attachments, WorkingDayCalendar calendar, CaseProcesses processes, CaseEvents caseEvents,
      ApplicantNotifier applicants, Deadlines deadlines,
      Validity validity, Clock clock) {
    this.revocations = revocations;
    this.records = records;
    this.users = users;
    this.attachments = attachments;
    this.calendar = calendar;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.applicants = applicants;
    this.deadlines = deadlines;
    this.validity = validity;
    this.clock = clock;
  }

  /**
   * Files a report with the revoking or changing document: the record's department acts within the
   * profile's limit counted from that document's date. Refused with every reason, leaving nothing.
   */
  @Transactional
  public Revocation report(String username, Report report, List<MultipartFile> files) {
    AppUser reporter = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    boolean applicant = reporter.hasRole(Role.APPLICANT) && reporter.getEntity() != null;
    boolean creditOffice = reporter.getDepartment() != null
        && reporter.getDepartment().getKind() == DepartmentKind.CREDIT_OFFICE;
    if (!applicant && !creditOffice) {
      throw ApiProblem.forbidden("revocation.whoReports");
    }
    List<FieldProblem> problems = new ArrayList<>(validity.problems(report));
    problems.addAll(attachments.problemsWith(files));
    if (files == null || files.stream().allMatch(f -> f == null || f.isEmpty())) {
      problems.add(FieldProblem.of("files", "revocation.files.required"));
    }
    LocalDate documentDate = date(report.documentDate(), problems);
    if (documentDate != null && documentDate.isAfter(calendar.today())) {
      problems.add(FieldProblem.of("documentDate", "record.documentDate.future"));
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "revocation.notFiled");
    }
    DishonestyRecord record = records.findById(report.recordId())
        .orElseThrow(() -> ApiProblem.notFound("record.none", report.recordId()));
    if (applicant && !Objects.equals(record.getEntity().getId(), reporter.getEntity().getId())) {
      throw ApiProblem.notFound("record.none", report.recordId()); // not yours: as if there were none
    }
    if (documentDate.isBefore(record.getDecisionDate())) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("documentDate", "record.documentDate.beforeDecision",
          record.getDecisionDate())), "revocation.notFiled");
    }
    if (record.getState() == PublicationState.WITHDRAWN) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("recordId", "revocation.withdrawnAlready")),
          "revocation.notFiled");
    }
    if (revocations.existsByRecordIdAndState(record.getId(), RevocationState.REPORTED)) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("recordId", "revocation.open")), "revocation.notFiled");
    }
    Revocation revocation = revocations.saveAndFlush(new Revocation("P-" + UUID.randomUUID().toString().substring(0, 24),
        record, username, ChangeKind.valueOf(report.changeKind().strip()), report.authority().strip(),
        report.document().strip(), documentDate, blankToNull(report.statement()), clock.instant()));
    revocation.assignCaseRef(CaseKind.REVOCATION.reference(calendar.today().getYear(), revocation.getId()));
    RuleProfile profile = deadlines.current(); // the case keeps the rules of its day of receipt
    revocation.ruledBy(profile.name());
    // counted from the revoking decision, not from the report (条例 art. 40): a late report is due at once
    Date reportDue = deadlines.dueFrom(documentDate, profile, Step.REVOCATION_REPORT);
    revocation.due(deadlines.dayOf(reportDue), deadlines.isProvisional(reportDue));
    attachments.store(revocation.getCaseRef(), files, username);

    Map<String, Object> variables = new HashMap<>();
    variables.put("caseRef", revocation.getCaseRef());
    variables.put("revocationId", revocation.getId());
    variables.put("applicant", username);
    variables.put(Deadlines.PROFILE_VARIABLE, profile.name());
    variables.put("departmentCode", revocation.getDepartmentCode());
    variables.put("reportDue", reportDue);
    revocation.started(processes.start(PROCESS_KEY, revocation.getCaseRef(), variables));
    Text kind = Text.of("revocation.changeKind." + revocation.getChangeKind());
    caseEvents.record(revocation.getCaseRef(), username, "FILED", Text.of("timeline.filed.revocation", kind,
        revocation.getAuthority(), revocation.getDocument(), documentDate, record.getDecisionNumber()));
    applicants.tell(revocation, ApplicantUpdate.RECEIVED, Text.of("update.revocation.received",
        CaseTexts.department(record.getDepartment()), deadlines.shown(reportDue)));
    return revocation;
  }

  /** The entity's applicant, the record's department, the credit office and leaders may see it. */
  @Transactional(readOnly = true)
  public Revocation get(Long id, String username) {
    Revocation revocation = revocations.findById(id).orElseThrow(() -> ApiProblem.notFound("revocation.none", id));
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!CaseViewers.mayView(user, revocation)) {
      throw ApiProblem.notFound("revocation.none", id); // not yours: as if there were none
    }
    return revocation;
  }

  @Transactional(readOnly = true)
  public List<Revocation> mine(String username) {
    return revocations.findByApplicantOrderByReceivedAtDesc(username);
  }

  /** The entity's reports, each with its record loaded for the portal's list. */
  @Transactional(readOnly = true)
  public List<Revocation> ofEntity(Long entityId) {
    List<Revocation> list = revocations.findByEntityIdOrderByReceivedAtDesc(entityId);
    list.forEach(r -> r.getRecord().getTitle());
    return list;
  }

  private static LocalDate date(String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of("documentDate", "field.date"));
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
