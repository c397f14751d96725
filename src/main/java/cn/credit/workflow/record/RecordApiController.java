package cn.credit.workflow.record;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The records over the API: an applicant sees its own entity's, staff any entity's by its code. */
@RestController
class RecordApiController {

  private final RecordViews views;

  RecordApiController(RecordViews views) {
    this.views = views;
  }

  @GetMapping("/api/records")
  List<Map<String, Object>> records(@RequestParam(required = false) String uscc, Principal principal) {
    return views.records(uscc, principal.getName());
  }
}
