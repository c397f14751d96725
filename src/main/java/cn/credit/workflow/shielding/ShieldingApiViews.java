package cn.credit.workflow.shielding;

import cn.credit.workflow.caseapi.CaseApiViews;
import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.system.ApiProblem;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** What the shielding API answers, each call one transaction. */
@Service
@Transactional
class ShieldingApiViews implements CaseApiViews {

  private final ShieldingService shieldings;
  private final CaseTimeline timeline;
  private final Cases cases;

  ShieldingApiViews(ShieldingService shieldings, CaseTimeline timeline, Cases cases) {
    this.shieldings = shieldings;
    this.timeline = timeline;
    this.cases = cases;
  }

  Map<String, Object> file(ShieldingService.Filing body, List<MultipartFile> files, Principal principal) {
    return summary(shieldings.file(principal.getName(), body, files));
  }

  @Override
  public List<Map<String, Object>> mine(Principal principal) {
    return shieldings.mine(principal.getName()).stream().map(this::summary).toList();
  }

  @Override
  public Map<String, Object> get(Long id, Principal principal) {
    Shielding shielding = shieldings.get(id, principal.getName());
    Map<String, Object> view = summary(shielding);
    view.put("statement", shielding.getStatement());
    view.put("reasons", shielding.getReasons());
    view.put("decidedAt", shielding.getDecidedAt());
    view.put("letterCode", shielding.getLetterCode());
    view.put("courtEnd", shielding.getCourtEnd());
    view.put("courtRuling", shielding.getCourtRuling());
    view.put("courtEndedAt", shielding.getCourtEndedAt());
    view.put("relatedCases", cases.aboutRecord(shielding.getRecord().getId(), shielding.getCaseRef()));
    view.put("timeline", timeline.forViewer(shielding.getCaseRef(), principal));
    return view;
  }

  /** A shielding request asks no commitment: as if there were none to sign. */
  @Override
  public Map<String, Object> commitmentToSign(Long id, Principal principal) {
    throw ApiProblem.notFound("shielding.noCommitment", shieldings.get(id, principal.getName()).getCaseRef());
  }

  @Override
  public CommitmentService.Signed sign(Long id, CommitmentService.Signature body, Principal principal) {
    throw ApiProblem.notFound("shielding.noCommitment", shieldings.get(id, principal.getName()).getCaseRef());
  }

  private Map<String, Object> summary(Shielding shielding) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", shielding.getId());
    view.put("caseRef", shielding.getCaseRef());
    view.put("recordId", shielding.getRecord().getId());
    view.put("department", shielding.getDepartmentCode());
    view.put("procedure", shielding.getProcedure());
    view.put("court", shielding.getCourt());
    view.put("courtCaseNumber", shielding.getCourtCaseNumber());
    view.put("state", shielding.getState());
    view.put("recordState", shielding.getRecord().getState());
    view.put("receivedAt", shielding.getReceivedAt());
    // a finished case is due no more: no expected date is shown for it
    boolean open = shielding.getState().isOpen();
    view.put("dueDate", open ? shielding.getDueDate() : null);
    view.put("dueProvisional", open && shielding.isDueProvisional());
    return view;
  }
}
