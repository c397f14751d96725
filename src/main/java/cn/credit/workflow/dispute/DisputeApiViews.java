package cn.credit.workflow.dispute;

import cn.credit.workflow.caseapi.CaseApiViews;
import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the dispute API answers, each call one transaction, so the answer is built from what was just written. */
@Service
@Transactional
class DisputeApiViews implements CaseApiViews {

  private final DisputeService disputes;
  private final CommitmentService commitments;
  private final CaseTimeline timeline;
  private final Cases cases;

  DisputeApiViews(DisputeService disputes, CommitmentService commitments, CaseTimeline timeline, Cases cases) {
    this.disputes = disputes;
    this.commitments = commitments;
    this.timeline = timeline;
    this.cases = cases;
  }

  Map<String, Object> file(DisputeService.Filing body, Principal principal) {
    Dispute dispute = disputes.file(principal.getName(), body.recordId(), body.ground(), body.facts(), body.proof());
    Map<String, Object> view = summary(dispute);
    view.put("commitmentText", disputes.commitmentText(dispute));
    return view;
  }

  @Override
  public List<Map<String, Object>> mine(Principal principal) {
    return disputes.mine(principal.getName()).stream().map(this::summary).toList();
  }

  @Override
  public Map<String, Object> get(Long id, Principal principal) {
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

  @Override
  public Map<String, Object> commitmentToSign(Long id, Principal principal) {
    Dispute dispute = disputes.get(id, principal.getName());
    return Map.of("caseRef", dispute.getCaseRef(), "templateVersion",
        commitments.template(dispute.getTemplateId()).getVersion(), "text", disputes.commitmentText(dispute));
  }

  @Override
  public CommitmentService.Signed sign(Long id, CommitmentService.Signature body, Principal principal) {
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
    // a finished case is due no more: no expected date is shown for it
    boolean open = dispute.getState().isOpen();
    view.put("dueDate", open ? dispute.getDueDate() : null);
    view.put("dueProvisional", open && dispute.isDueProvisional());
    return view;
  }
}
