package cn.credit.workflow.shielding;

import cn.credit.workflow.caseapi.CaseApiController;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The bankruptcy shielding API: filed as multipart/form-data, the request's fields with the court's
 * documents as {@code files}; the department's tasks are worked through /api/tasks like any other.
 */
@RestController
@RequestMapping("/api/shieldings")
class ShieldingApiController extends CaseApiController {

  private final ShieldingApiViews views;

  ShieldingApiController(ShieldingApiViews views) {
    super(views);
    this.views = views;
  }

  /** Checked by the service, with the files, so that every problem comes back at once (422). */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> file(@ModelAttribute ShieldingService.Filing body,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal) {
    return views.file(body, files, principal);
  }
}
