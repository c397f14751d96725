package cn.credit.workflow.repair;

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

/** The repair API: thin, what it answers comes from {@link RepairApiViews}. */
@RestController
class RepairApiController {

  private final RepairApiViews views;

  RepairApiController(RepairApiViews views) {
    this.views = views;
  }

  @PostMapping("/api/repair-requests")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> file(@Valid @RequestBody RepairApiViews.FileRequest body, Principal principal) {
    return views.file(body, principal);
  }

  @GetMapping("/api/repair-requests")
  List<Map<String, Object>> mine(Principal principal) {
    return views.mine(principal);
  }

  @GetMapping("/api/repair-requests/{id}")
  Map<String, Object> get(@PathVariable Long id, Principal principal) {
    return views.get(id, principal);
  }

  @GetMapping("/api/repair-requests/{id}/commitment")
  Map<String, Object> commitmentToSign(@PathVariable Long id, Principal principal) {
    return views.commitmentToSign(id, principal);
  }

  @PostMapping("/api/repair-requests/{id}/commitment")
  @ResponseStatus(HttpStatus.CREATED)
  CommitmentService.Signed sign(@PathVariable Long id, @Valid @RequestBody CommitmentService.Signature body, Principal principal) {
    return views.sign(id, body, principal);
  }

  @PostMapping("/api/repair-requests/{id}/withdraw")
  Map<String, Object> withdraw(@PathVariable Long id, Principal principal) {
    return views.withdraw(id, principal);
  }

  @PostMapping("/api/repair-requests/{id}/breach")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> breach(@PathVariable Long id, @Valid @RequestBody RepairService.BreachReport body, Principal principal) {
    return views.breach(id, body, principal);
  }
}
