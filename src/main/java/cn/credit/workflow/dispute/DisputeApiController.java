package cn.credit.workflow.dispute;

import cn.credit.workflow.caseapi.CaseApiController;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The dispute API: thin, what it answers comes from {@link DisputeApiViews}. Its tasks are worked through /api/tasks like any other. */
@RestController
@RequestMapping("/api/disputes")
class DisputeApiController extends CaseApiController {

  private final DisputeApiViews views;

  DisputeApiController(DisputeApiViews views) {
    super(views);
    this.views = views;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> file(@Valid @RequestBody DisputeService.Filing body, Principal principal) {
    return views.file(body, principal);
  }
}
