package cn.credit.workflow.repair;

import cn.credit.workflow.caseapi.CaseApiController;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The repair API: thin, what it answers comes from {@link RepairApiViews}. */
@RestController
@RequestMapping("/api/repair-requests")
class RepairApiController extends CaseApiController {

  private final RepairApiViews views;

  RepairApiController(RepairApiViews views) {
    super(views);
    this.views = views;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> file(@Valid @RequestBody RepairApiViews.FileRequest body, Principal principal) {
    return views.file(body, principal);
  }

  @PostMapping("/{id}/withdraw")
  Map<String, Object> withdraw(@PathVariable Long id, Principal principal) {
    return views.withdraw(id, principal);
  }

  @PostMapping("/{id}/breach")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> breach(@PathVariable Long id, @Valid @RequestBody RepairService.BreachReport body, Principal principal) {
    return views.breach(id, body, principal);
  }
}
