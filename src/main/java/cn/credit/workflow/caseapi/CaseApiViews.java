package cn.credit.workflow.caseapi;

import cn.credit.workflow.commitment.CommitmentService;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/** What the API answers about the cases of one kind, for the applicant asking; each kind builds its own answers. */
public interface CaseApiViews {

  List<Map<String, Object>> mine(Principal principal);

  Map<String, Object> get(Long id, Principal principal);

  Map<String, Object> commitmentToSign(Long id, Principal principal);

  CommitmentService.Signed sign(Long id, CommitmentService.Signature body, Principal principal);
}
