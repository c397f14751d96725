package cn.credit.workflow.revocation;

import cn.credit.workflow.caseapi.CaseApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Reports of a revoked or changed decision (令 36 art. 19): filed as multipart/form-data, the report's
 * fields with the revoking or changing document as {@code files}; the department's task is worked
 * through /api/tasks like any other.
 */
@RestController
@RequestMapping("/api/revocations")
@Tag(name = "revocations", description = "失信信息撤销、变更报告 Reports that a record's decision was revoked or changed")
class RevocationApiController extends CaseApiController {

  private final RevocationApiViews views;

  RevocationApiController(RevocationApiViews views) {
    super(views);
    this.views = views;
  }

  /** Checked by the service, with the files, so that every problem comes back at once (422). */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Report that a record's decision was revoked or changed (201), by the entity's applicant or "
      + "the credit office, with the revoking document as files; documentDate is yyyy-MM-dd. The record's department "
      + "withdraws or amends within the profile's revocation-report working days from documentDate. 422 naming each "
      + "field; another entity's record: 404.")
  Map<String, Object> report(@ModelAttribute RevocationService.Report body,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal) {
    return views.report(body, files, principal);
  }
}
