package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
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

/** The dispute API; each call is one transaction. Its tasks are worked through /api/tasks like any other. */
@RestController
@Transactional
class DisputeApiController {

  private final DisputeService disputes;
  private final CommitmentService commitments;
  private final CaseTimeline timeline;
  private final Cases cases;

  DisputeApiController(DisputeService disputes, CommitmentService commitments, CaseTimeline timeline, Cases cases) {
    this.disputes = disputes;
    this.commitments = commitments;
    this.timeline = timeline;
    this.cases = cases;
  }

  record FileDispute(Long recordId, String ground, String facts, String proof) {}

  record SignRequest(String signatoryName, Boolean accepted) {}

  @PostMapping("/api/disputes")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> file(@RequestBody FileDispute body, Principal principal) {
    Dispute dispute = disputes.file(principal.getName(), body.recordId(), body.ground(), body.facts(), body.proof());
    Map<String, Object> view = summary(dispute);
    view.put("commitmentText", disputes.commitmentText(dispute));
    return view;
  }

  @GetMapping("/api/disputes")
  List<Map<String, Object>> mine(Principal principal) {
    return disputes.mine(principal.getName()).stream().map(this::summary).toList();
  }

  @GetMapping("/api/disputes/{id}")
  Map<String, Object> get(@PathVariable Long id, Principal principal) {
    Dispute dispute = disputes.get(id, principal.getName());
    Map<String, Object> view = summary(dispute);
    view.put("ground", dispute.getGround());
    view.put("facts", dispute.getFacts());
    view.put("proof", dispute.getProof());
    view.put("assistDepartment", dispute.getAssistDepartment());
    view.put("extensionReason", dispute.getExtensionReason());
    view.put("outcome", dispute.getOutcome());
    view.put("reasons", dispute.getReasons());
    view.put("changes", dispute.getChanges());
    view.put("repliedAt", dispute.getRepliedAt());
    view.put("letterCode", dispute.getLetterCode());
    view.put("commitment", commitments.ofCase(dispute.getCaseRef()).map(CommitmentService.Signed::of).orElse(null));
    view.put("relatedCases", cases.aboutRecord(dispute.getRecord().getId(), dispute.getCaseRef()));
    view.put("timeline", timeline.forViewer(dispute.getCaseRef(), principal));
    return view;
  }

  @GetMapping("/api/disputes/{id}/commitment")
  Map<String, Object> commitmentToSign(@PathVariable Long id, Principal principal) {
    Dispute dispute = disputes.get(id, principal.getName());
    return Map.of("caseRef", dispute.getCaseRef(), "templateVersion",
        commitments.template(dispute.getTemplateId()).getVersion(), "text", disputes.commitmentText(dispute));
  }

  @PostMapping("/api/disputes/{id}/commitment")
  @ResponseStatus(HttpStatus.CREATED)
  CommitmentService.Signed sign(@PathVariable Long id, @RequestBody SignRequest body, Principal principal) {
    return CommitmentService.Signed.of(disputes.sign(id, principal.getName(), body.signatoryName(), body.accepted()));
  }

  private Map<String, Object> summary(Dispute dispute) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", dispute.getId());
    view.put("caseRef", dispute.getCaseRef());
    view.put("recordId", dispute.getRecord().getId());
    view.put("department", dispute.getDepartmentCode());
    view.put("state", dispute.getState());
    view.put("receivedAt", dispute.getReceivedAt());
    view.put("dueDate", dispute.getDueDate());
    view.put("dueProvisional", dispute.isDueProvisional());
    return view;
  }
}
