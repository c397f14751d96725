package cn.credit.workflow.repair;

import cn.credit.workflow.caseapi.CaseApiViews;
import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.record.DishonestyRecord;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the repair API answers, each call one transaction, so the answer is built from what was just written. */
@Service
@Transactional
class RepairApiViews implements CaseApiViews {

  private final RepairService repairs;
  private final RepairRequestRepository requests;
  private final CommitmentService commitments;
  private final CaseTimeline timeline;
  private final Cases cases;

  RepairApiViews(RepairService repairs, RepairRequestRepository requests, CommitmentService commitments,
      CaseTimeline timeline, Cases cases) {
    this.cases = cases;
    this.repairs = repairs;
    this.requests = requests;
    this.commitments = commitments;
    this.timeline = timeline;
  }

  /** The API's request: the record is checked at once, the rest of the filing once the record is known to be yours. */
  record FileRequest(@NotNull(message = "{repair.recordId.required}") Long recordId, String proof) {}

  Map<String, Object> file(FileRequest body, Principal principal) {
    RepairRequest request = repairs.file(principal.getName(), body.recordId(), body.proof());
    Map<String, Object> view = summary(request);
    view.put("commitmentText", repairs.commitmentText(request));
    return view;
  }

  @Override
  public List<Map<String, Object>> mine(Principal principal) {
    return requests.findByApplicantOrderByReceivedAtDesc(principal.getName()).stream().map(this::summary).toList();
  }

  @Override
  public Map<String, Object> get(Long id, Principal principal) {
    RepairRequest request = repairs.get(id, principal.getName());
    Map<String, Object> view = summary(request);
    view.put("proof", request.getProof());
    view.put("supplementNotice", request.getSupplementNotice());
    view.put("supplementAnswer", request.getSupplementAnswer());
    view.put("extensionReason", request.getExtensionReason());
    view.put("decisionReasons", request.getDecisionReasons());
    view.put("decidedAt", request.getDecidedAt());
    view.put("letterCode", request.getLetterCode());
    view.put("commitment", commitments.ofCase(request.getCaseRef()).map(CommitmentService.Signed::of).orElse(null));
    view.put("relatedCases", cases.aboutRecord(request.getRecord().getId(), request.getCaseRef()));
    view.put("timeline", timeline.forViewer(request.getCaseRef(), principal));
    return view;
  }

  @Override
  public Map<String, Object> commitmentToSign(Long id, Principal principal) {
    RepairRequest request = repairs.get(id, principal.getName());
    return Map.of("caseRef", request.getCaseRef(), "templateVersion",
        commitments.template(request.getTemplateId()).getVersion(), "text", repairs.commitmentText(request));
  }

  @Override
  public CommitmentService.Signed sign(Long id, CommitmentService.Signature body, Principal principal) {
    return CommitmentService.Signed.of(repairs.sign(id, principal.getName(), body.signatoryName(), body.accepted()));
  }

  Map<String, Object> withdraw(Long id, Principal principal) {
    repairs.withdraw(id, principal.getName());
    return summary(requests.findById(id).orElseThrow());
  }

  Map<String, Object> breach(Long id, RepairService.BreachReport body, Principal principal) {
    DishonestyRecord record = repairs.reportBreach(id, principal.getName(), body.reason());
    return Map.of("caseRef", requests.findById(id).orElseThrow().getCaseRef(), "newRecordId", record.getId(),
        "automaticEndDate", record.getAutomaticEndDate());
  }

  private Map<String, Object> summary(RepairRequest request) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", request.getId());
    view.put("caseRef", request.getCaseRef());
    view.put("recordId", request.getRecord().getId());
    view.put("department", request.getDepartmentCode());
    view.put("state", request.getState());
    view.put("receivedAt", request.getReceivedAt());
    // a finished case is due no more: no expected date is shown for it
    boolean open = request.getState().isOpen();
    view.put("dueDate", open ? request.getDueDate() : null);
    view.put("dueProvisional", open && request.isDueProvisional());
    return view;
  }
}
