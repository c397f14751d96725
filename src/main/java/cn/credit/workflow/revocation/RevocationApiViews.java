package cn.credit.workflow.revocation;

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

/** What the revocation API answers, each call one transaction. */
@Service
@Transactional
class RevocationApiViews implements CaseApiViews {

  private final RevocationService revocations;
  private final CaseTimeline timeline;
  private final Cases cases;

  RevocationApiViews(RevocationService revocations, CaseTimeline timeline, Cases cases) {
    this.revocations = revocations;
    this.timeline = timeline;
    this.cases = cases;
  }

  Map<String, Object> report(RevocationService.Report body, List<MultipartFile> files, Principal principal) {
    return summary(revocations.report(principal.getName(), body, files));
  }

  @Override
  public List<Map<String, Object>> mine(Principal principal) {
    return revocations.mine(principal.getName()).stream().map(this::summary).toList();
  }

  @Override
  public Map<String, Object> get(Long id, Principal principal) {
    Revocation revocation = revocations.get(id, principal.getName());
    Map<String, Object> view = summary(revocation);
    view.put("statement", revocation.getStatement());
    view.put("reasons", revocation.getReasons());
    view.put("decidedAt", revocation.getDecidedAt());
    view.put("relatedCases", cases.aboutRecord(revocation.getRecord().getId(), revocation.getCaseRef()));
    view.put("timeline", timeline.forViewer(revocation.getCaseRef(), principal));
    return view;
  }

  /** A report asks no commitment: as if there were none to sign. */
  @Override
  public Map<String, Object> commitmentToSign(Long id, Principal principal) {
    throw ApiProblem.notFound("revocation.noCommitment", revocations.get(id, principal.getName()).getCaseRef());
  }

  @Override
  public CommitmentService.Signed sign(Long id, CommitmentService.Signature body, Principal principal) {
    throw ApiProblem.notFound("revocation.noCommitment", revocations.get(id, principal.getName()).getCaseRef());
  }

  private Map<String, Object> summary(Revocation revocation) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", revocation.getId());
    view.put("caseRef", revocation.getCaseRef());
    view.put("recordId", revocation.getRecord().getId());
    view.put("department", revocation.getDepartmentCode());
    view.put("changeKind", revocation.getChangeKind());
    view.put("authority", revocation.getAuthority());
    view.put("document", revocation.getDocument());
    view.put("documentDate", revocation.getDocumentDate());
    view.put("state", revocation.getState());
    view.put("recordState", revocation.getRecord().getState());
    view.put("receivedAt", revocation.getReceivedAt());
    view.put("dueDate", revocation.getDueDate());
    view.put("dueProvisional", revocation.isDueProvisional());
    return view;
  }
}
