package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.system.ApiProblem;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The repair API; each call is one transaction, so the answer is built from what was just written. */
@RestController
@Transactional
class RepairApiController {

  private final RepairService repairs;
  private final RepairRequestRepository requests;
  private final CommitmentService commitments;
  private final CaseTimeline timeline;
  private final Cases cases;

  RepairApiController(RepairService repairs, RepairRequestRepository requests, CommitmentService commitments,
      CaseTimeline timeline, Cases cases) {
    this.cases = cases;
    this.repairs = repairs;
    this.requests = requests;
    this.commitments = commitments;
    this.timeline = timeline;
  }

  record FileRequest(Long recordId, String proof) {}

  record SignRequest(String signatoryName, Boolean accepted) {}

  record BreachReport(String reason) {}

  @PostMapping("/api/repair-requests")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> file(@RequestBody FileRequest body, Principal principal) {
    if (body.recordId() == null) {
      throw ApiProblem.unprocessable("the request is not complete", List.of("recordId: which record to repair"));
    }
    RepairRequest request = repairs.file(principal.getName(), body.recordId(), body.proof());
    Map<String, Object> view = summary(request);
    view.put("commitmentText", repairs.commitmentText(request));
    return view;
  }

  @GetMapping("/api/repair-requests")
  List<Map<String, Object>> mine(Principal principal) {
    return requests.findByApplicantOrderByReceivedAtDesc(principal.getName()).stream().map(this::summary).toList();
  }

  @GetMapping("/api/repair-requests/{id}")
  Map<String, Object> get(@PathVariable Long id, Principal principal) {
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

  @GetMapping("/api/repair-requests/{id}/commitment")
  Map<String, Object> commitmentToSign(@PathVariable Long id, Principal principal) {
    RepairRequest request = repairs.get(id, principal.getName());
    return Map.of("caseRef", request.getCaseRef(), "templateVersion",
        commitments.template(request.getTemplateId()).getVersion(), "text", repairs.commitmentText(request));
  }

  @PostMapping("/api/repair-requests/{id}/commitment")
  @ResponseStatus(HttpStatus.CREATED)
  CommitmentService.Signed sign(@PathVariable Long id, @RequestBody SignRequest body, Principal principal) {
    return CommitmentService.Signed.of(repairs.sign(id, principal.getName(), body.signatoryName(), body.accepted()));
  }

  @PostMapping("/api/repair-requests/{id}/withdraw")
  Map<String, Object> withdraw(@PathVariable Long id, Principal principal) {
    repairs.withdraw(id, principal.getName());
    return summary(requests.findById(id).orElseThrow());
  }

  @PostMapping("/api/repair-requests/{id}/breach")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> breach(@PathVariable Long id, @RequestBody BreachReport body, Principal principal) {
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
    view.put("dueDate", request.getDueDate());
    view.put("dueProvisional", request.isDueProvisional());
    return view;
  }
}
