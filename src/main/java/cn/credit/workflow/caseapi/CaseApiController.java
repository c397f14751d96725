package cn.credit.workflow.caseapi;

import cn.credit.workflow.commitment.CommitmentService;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The endpoints every kind of case has under its own path ({@code @RequestMapping} on the kind's
 * controller, e.g. /api/disputes): the applicant's cases, one case, the commitment to sign and its
 * signature. A kind's controller adds how a case is filed and what else it offers.
 */
public abstract class CaseApiController {

  private final CaseApiViews views;

  protected CaseApiController(CaseApiViews views) {
    this.views = views;
  }

  @GetMapping
  public List<Map<String, Object>> mine(Principal principal) {
    return views.mine(principal);
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable Long id, Principal principal) {
    return views.get(id, principal);
  }

  @GetMapping("/{id}/commitment")
  public Map<String, Object> commitmentToSign(@PathVariable Long id, Principal principal) {
    return views.commitmentToSign(id, principal);
  }

  @PostMapping("/{id}/commitment")
  @ResponseStatus(HttpStatus.CREATED)
  public CommitmentService.Signed sign(@PathVariable Long id, @Valid @RequestBody CommitmentService.Signature body,
      Principal principal) {
    return views.sign(id, body, principal);
  }
}
