package cn.credit.workflow.shielding;

import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseTexts;
import cn.credit.workflow.casefile.CaseGuests;
import cn.credit.workflow.casefile.CaseViewers;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.department.Departments;
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
 * Files bankruptcy shielding requests (令 36 art. 20) and answers who may see them. The steps of
 * the process itself are in {@link ShieldingSteps}.
 */
@Service
public class ShieldingService {

  public static final String PROCESS_KEY = CaseKind.SHIELDING.processKey();

  /** A request as filed: which record, under which court procedure, the court and its case number. */
  public record Filing(@NotNull(message = "{shielding.recordId.required}") Long recordId,
      @OneOf(value = ShieldingProcedure.class, message = "{shielding.procedure.unknown}",
          missing = "{shielding.procedure.required}") String procedure,
      @NotBlank(message = "{shielding.court.required}") @Size(max = 200, message = "{valid.atMost}") String court,
      @NotBlank(message = "{shielding.courtCaseNumber.required}") @Size(max = 100, message = "{valid.atMost}")
      String courtCaseNumber,
      @Size(max = 4000, message = "{valid.atMost}") String statement) {}

  private final ShieldingRepository shieldings;
  private final RecordService records;
  private final Users users;
  private final AttachmentService attachments;
  private final WorkingDayCalendar calendar;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicants;
  private final Deadlines deadlines;
  private final Departments departments;
  private final Validity validity;
  private final Clock clock;

  private final CaseGuests guests;

  ShieldingService(CaseGuests guests, ShieldingRepository shieldings, RecordService records, Users users, AttachmentService attachments,
      WorkingDayCalendar calendar, CaseProcesses processes, CaseEvents caseEvents, ApplicantNotifier applicants,
      Deadlines deadlines, Departments departments, Validity validity, Clock clock) {
    this.guests = guests;
    this.shieldings = shieldings;
    this.records = records;
    this.users = users;
    this.attachments = attachments;
    this.calendar = calendar;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.applicants = applicants;
    this.deadlines = deadlines;
    this.departments = departments;
    this.validity = validity;
    this.clock = clock;
  }

  /**
   * Files a request with the court's documents: the record's department decides within its limit.
   * Refused with every reason (the files' too), leaving nothing behind.
   */
  @Transactional
  public Shielding file(String username, Filing filing, List<MultipartFile> files) {
    AppUser applicant = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!applicant.hasRole(Role.APPLICANT) || applicant.getEntity() == null) {
      throw ApiProblem.forbidden("shielding.applicantsOnly");
    }
    List<FieldProblem> problems = new ArrayList<>(validity.problems(filing));
    problems.addAll(attachments.problemsWith(files));
    if (files == null || files.stream().allMatch(f -> f == null || f.isEmpty())) {
      problems.add(FieldProblem.of("files", "shielding.files.required"));
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "shielding.notFiled");
    }
    DishonestyRecord record = records.findById(filing.recordId())
        .orElseThrow(() -> ApiProblem.notFound("record.none", filing.recordId()));
    if (!Objects.equals(record.getEntity().getId(), applicant.getEntity().getId())) {
      throw ApiProblem.notFound("record.none", filing.recordId()); // not yours: as if there were none
    }
    if (shieldings.existsByRecordIdAndStateIn(record.getId(), ShieldingState.OPEN)) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("recordId", "shielding.open")), "shielding.notNow",
          record.getId());
    }
    if (record.getState() != PublicationState.PUBLISHED) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("recordId", "shielding.notPublished",
          Text.of("record.state." + record.getState()))), "shielding.notNow", record.getId());
    }
    Shielding shielding = shieldings.saveAndFlush(new Shielding("P-" + UUID.randomUUID().toString().substring(0, 24),
        record, username, ShieldingProcedure.valueOf(filing.procedure().strip()), filing.court().strip(),
        filing.courtCaseNumber().strip(), blankToNull(filing.statement()), clock.instant()));
    shielding.assignCaseRef(CaseKind.SHIELDING.reference(calendar.today().getYear(), shielding.getId()));
    RuleProfile profile = deadlines.current(); // the case keeps the rules of its day of receipt
    shielding.ruledBy(profile.name());
    Date decideDue = deadlines.dueFrom(calendar.today(), profile, Step.SHIELDING_DECIDE);
    shielding.due(deadlines.dayOf(decideDue), deadlines.isProvisional(decideDue));
    attachments.store(shielding.getCaseRef(), files, username);

    Map<String, Object> variables = new HashMap<>();
    variables.put("caseRef", shielding.getCaseRef());
    variables.put("shieldingId", shielding.getId());
    variables.put("applicant", username);
    variables.put(Deadlines.PROFILE_VARIABLE, profile.name());
    variables.put("departmentCode", shielding.getDepartmentCode());
    variables.put("creditOffice", departments.findFirstByKind(DepartmentKind.CREDIT_OFFICE)
        .orElseThrow(() -> new IllegalStateException("no department of kind CREDIT_OFFICE")).getCode());
    variables.put("decideDue", decideDue);
    shielding.started(processes.start(PROCESS_KEY, shielding.getCaseRef(), variables));
    Text procedure = Text.of("shielding.procedure." + shielding.getProcedure());
    caseEvents.record(shielding.getCaseRef(), username, "FILED", Text.of("timeline.filed.shielding", procedure,
        shielding.getCourt(), shielding.getCourtCaseNumber(), record.getDecisionNumber()));
    applicants.tell(shielding, ApplicantUpdate.RECEIVED,
        Text.of("update.shielding.received", CaseTexts.department(record.getDepartment()),
            deadlines.dayOf(decideDue)));
    return shielding;
  }

  /** The applicant of the request's entity, the record's department, the credit office and leaders may see it. */
  @Transactional(readOnly = true)
  public Shielding get(Long id, String username) {
    Shielding shielding = shieldings.findById(id).orElseThrow(() -> ApiProblem.notFound("shielding.none", id));
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!CaseViewers.mayView(user, shielding) && !guests.invited(shielding.getCaseRef(), username)) {
      throw ApiProblem.notFound("shielding.none", id); // not yours: as if there were none
    }
    return shielding;
  }

  @Transactional(readOnly = true)
  public List<Shielding> mine(String username) {
    return shieldings.findByApplicantOrderByReceivedAtDesc(username);
  }

  /** The entity's requests, each with its record loaded for the portal's list. */
  @Transactional(readOnly = true)
  public List<Shielding> ofEntity(Long entityId) {
    List<Shielding> list = shieldings.findByEntityIdOrderByReceivedAtDesc(entityId);
    list.forEach(s -> s.getRecord().getTitle());
    return list;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
