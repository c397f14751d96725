package cn.credit.workflow.portal;

import cn.credit.workflow.attachment.Attachment;
import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.casefile.CaseDetails;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.inbox.TaskLists;
import cn.credit.workflow.inbox.WorkItem;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.repair.RepairEligibility;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequirement;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an applicant does from the portal, each in one transaction: a request and its proof files
 * are stored together or not at all, and every problem with the input is told at once.
 */
@Service
class PortalService {

  private final Validity validity;
  private final Users users;
  private final RecordService records;
  private final RepairService repairs;
  private final DisputeService disputes;
  private final AttachmentService attachments;
  private final TaskLists lists;
  private final InboxService inbox;

  static final String SUPPLEMENT_STEP = ModelNames.Repair.PROVIDE_SUPPLEMENT;
  static final String SIGNING_STEP = ModelNames.Signing.SIGN;
  private final CommitmentService commitments;
  private final CaseTimeline timeline;
  private final Cases cases;

  PortalService(Users users, RecordService records, RepairService repairs,
      DisputeService disputes, AttachmentService attachments, TaskLists lists, InboxService inbox,
      CommitmentService commitments, CaseTimeline timeline, Cases cases, Validity validity) {
    this.cases = cases;
    this.validity = validity;
    this.commitments = commitments;
    this.timeline = timeline;
    this.lists = lists;
    this.inbox = inbox;
    this.users = users;
    this.records = records;
    this.repairs = repairs;
    this.disputes = disputes;
    this.attachments = attachments;
  }

  /** A record as the applicant's list shows it: whether a repair may be asked for today, and if not why. */
  record RecordLine(DishonestyRecord record, RepairEligibility.Result eligibility, boolean disputable) {}

  record Overview(AppUser applicant, List<RecordLine> records, List<RepairRequest> repairs, List<Dispute> disputes) {}

  /** Not read-only: the decision table is evaluated once per kind of record, and the engine keeps that in its history. */
  @Transactional
  Overview overview(String username) {
    AppUser applicant = applicant(username);
    Long entityId = applicant.getEntity().getId();
    List<RecordLine> lines = new ArrayList<>();
    Map<String, RepairRequirement> byKind = new HashMap<>();
    for (DishonestyRecord record : records.findByEntityIdOrderByDecisionDateDesc(entityId)) {
      record.getDepartment().getNameZh();
      RepairRequirement requirement = byKind.computeIfAbsent(record.getSeverity() + "/" + record.getType(),
          kind -> repairs.requirementFor(record));
      lines.add(new RecordLine(record, repairs.eligibility(record, requirement),
          record.getState() == PublicationState.PUBLISHED));
    }
    List<RepairRequest> repairList = repairs.ofEntity(entityId);
    repairList.forEach(r -> r.getRecord().getTitle());
    List<Dispute> disputeList = disputes.ofEntity(entityId);
    disputeList.forEach(d -> d.getRecord().getTitle());
    return new Overview(applicant, lines, repairList, disputeList);
  }

  /** The applicant's own record; another entity's is refused. */
  @Transactional(readOnly = true)
  DishonestyRecord ownRecord(String username, Long recordId) {
    AppUser applicant = applicant(username);
    DishonestyRecord record = records.findById(recordId).orElseThrow(() -> ApiProblem.notFound("record.none", recordId));
    if (!record.getEntity().getId().equals(applicant.getEntity().getId())) {
      throw ApiProblem.notFound("record.none", recordId); // not yours: as if there were none
    }
    record.getDepartment().getNameZh();
    record.getEntity().getName();
    return record;
  }

  /**
   * Files a repair with its proof files and the files of each extra material the rule profile asks
   * for (form fields {@code material-<code>}); the request and its files are refused together, with
   * every problem of both.
   */
  @Transactional
  RepairRequest fileRepair(String username, Long recordId, String proof, List<MultipartFile> files,
      MultiValueMap<String, MultipartFile> uploads) {
    List<FieldProblem> problems = withFileProblems(validity.problems(new RepairService.Filing(recordId, proof)), files);
    Map<String, List<MultipartFile>> materials = new LinkedHashMap<>();
    uploads.forEach((field, parts) -> {
      if (field.startsWith(AttachmentService.MATERIAL_FIELD) && AttachmentService.anyGiven(parts)) {
        materials.put(field.substring(AttachmentService.MATERIAL_FIELD.length()), parts);
        problems.addAll(attachments.problemsWith(parts, field));
      }
    });
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "portal.notFiled");
    }
    RepairRequest request = repairs.file(username, recordId, proof, materials.keySet());
    attachments.store(request.getCaseRef(), files, username);
    materials.forEach((code, parts) -> attachments.store(request.getCaseRef(), parts, username, code));
    return request;
  }

  /** {@code problems} and those of the files, which are checked before anything is read from the database. */
  List<FieldProblem> withFileProblems(List<FieldProblem> problems, List<MultipartFile> files) {
    List<FieldProblem> all = new ArrayList<>(problems);
    all.addAll(attachments.problemsWith(files));
    return all;
  }

  @Transactional
  Dispute fileDispute(String username, Long recordId, String ground, String facts, String proof,
      List<MultipartFile> files) {
    List<FieldProblem> problems = attachments.problemsWith(files);
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "portal.files.notFiled");
    }
    Dispute dispute = disputes.file(username, recordId, ground, facts, proof);
    attachments.store(dispute.getCaseRef(), files, username);
    return dispute;
  }

  /** The applicant answers the one supplement notice, with files if any; both or nothing. */
  @Transactional
  void answerSupplement(String username, String caseRef, String answer, List<MultipartFile> files) {
    WorkItem task = lists.openOfCase(caseRef).stream()
        .filter(i -> SUPPLEMENT_STEP.equals(i.getStepKey()) && username.equals(i.getAssignee())).findFirst()
        .orElseThrow(() -> ApiProblem.conflict("portal.supplement.notAwaited", caseRef));
    List<FieldProblem> problems = attachments.problemsWith(files);
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "portal.files.notSent");
    }
    inbox.complete(task.getTaskId(), username, Map.of("supplementAnswer", answer == null ? "" : answer));
    attachments.store(caseRef, files, username);
  }

  /** The commitment page: the exact text to sign, and the signature if there is one. */
  record CommitmentPage(String caseRef, String caseUrl, String text, CommitmentService.Signed signed) {}

  @Transactional(readOnly = true)
  CommitmentPage commitmentPage(CaseKind kind, Long id, String username) {
    CaseDetails details = cases.details(kind, id, username);
    return new CommitmentPage(details.caseRef(), details.portalUrl(), details.commitmentText(),
        signed(details.caseRef()));
  }

  /**
   * The applicant's case page: the case with its record loaded, its steps, deadlines, files and
   * letter; {@code kase} is the kind's own entity.
   */
  record CasePage(CaseKind kind, String caseRef, String caseUrl, String letterUrl, CaseRecord kase,
      DishonestyRecord record, List<CaseTimeline.Entry> timeline, List<WorkItem> open, boolean awaitingSignature,
      boolean awaitingSupplement, List<Attachment> attachments, CommitmentService.Signed signed) {}

  @Transactional(readOnly = true)
  CasePage casePage(CaseKind kind, Long id, String username) {
    CaseDetails details = cases.details(kind, id, username);
    String caseRef = details.caseRef();
    DishonestyRecord record = details.record();
    Hibernate.initialize(record.getDepartment());
    List<WorkItem> open = lists.openOfCase(caseRef);
    return new CasePage(kind, caseRef, details.portalUrl(), details.letterUrl(), details.kase(), record,
        // escalations are between the departments and their leaders
        timeline.forApplicant(caseRef), open,
        open.stream().anyMatch(i -> SIGNING_STEP.equals(i.getStepKey())),
        open.stream().anyMatch(i -> SUPPLEMENT_STEP.equals(i.getStepKey())), attachments.ofCase(caseRef),
        signed(caseRef));
  }

  private CommitmentService.Signed signed(String caseRef) {
    return commitments.ofCase(caseRef).map(CommitmentService.Signed::of).orElse(null);
  }

  /** Whether the applicant acts for the entity. */
  @Transactional(readOnly = true)
  public boolean actsFor(String username, Long entityId) {
    return Objects.equals(applicant(username).getEntity().getId(), entityId);
  }

  private AppUser applicant(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!user.hasRole(Role.APPLICANT) || user.getEntity() == null) {
      throw ApiProblem.forbidden("portal.applicantsOnly");
    }
    return user;
  }
}
