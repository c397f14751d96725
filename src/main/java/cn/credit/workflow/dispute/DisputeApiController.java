package cn.credit.workflow.dispute;

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
import org.springframework.web.bind.annotation.RestController;

/** The dispute API: thin, what it answers comes from {@link DisputeApiViews}. Its tasks are worked through /api/tasks like any other. */
@RestController
class DisputeApiController {

  private final DisputeApiViews views;

  DisputeApiController(DisputeApiViews views) {
    this.views = views;
  }

  @PostMapping("/api/disputes")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> file(@Valid @RequestBody DisputeService.Filing body, Principal principal) {
    return views.file(body, principal);
  }

  @GetMapping("/api/disputes")
  List<Map<String, Object>> mine(Principal principal) {
    return views.mine(principal);
  }

  @GetMapping("/api/disputes/{id}")
  Map<String, Object> get(@PathVariable Long id, Principal principal) {
    return views.get(id, principal);
  }

  @GetMapping("/api/disputes/{id}/commitment")
  Map<String, Object> commitmentToSign(@PathVariable Long id, Principal principal) {
    return views.commitmentToSign(id, principal);
  }

  @PostMapping("/api/disputes/{id}/commitment")
  @ResponseStatus(HttpStatus.CREATED)
  CommitmentService.Signed sign(@PathVariable Long id, @Valid @RequestBody CommitmentService.Signature body, Principal principal) {
    return views.sign(id, body, principal);
  }
}
