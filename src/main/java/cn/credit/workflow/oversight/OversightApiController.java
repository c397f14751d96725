package cn.credit.workflow.oversight;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OversightApiController {

  private final OversightService oversight;

  OversightApiController(OversightService oversight) {
    this.oversight = oversight;
  }

  @PostMapping("/api/tasks/{taskId}/urge")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> urge(@PathVariable String taskId, @RequestBody(required = false) TextBody body,
      Principal principal) {
    Escalation urge = oversight.urge(taskId, principal.getName(), body == null ? null : body.message());
    return Map.of("id", urge.getId(), "taskId", urge.getTaskId(), "caseRef", String.valueOf(urge.getCaseRef()),
        "level", urge.getLevel(), "at", urge.getCreatedAt());
  }

  @PostMapping("/api/cases/{caseRef}/supervision")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> supervise(@PathVariable String caseRef, @RequestBody(required = false) TextBody body,
      Principal principal) {
    return view(oversight.supervise(caseRef, principal.getName(), body == null ? null : body.note()));
  }

  @DeleteMapping("/api/cases/{caseRef}/supervision")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void endSupervision(@PathVariable String caseRef, Principal principal) {
    oversight.endSupervision(caseRef, principal.getName());
  }

  @GetMapping("/api/supervision")
  List<Map<String, Object>> followUpList(Principal principal) {
    return oversight.followUpList(principal.getName()).stream().map(OversightApiController::view).toList();
  }

  private static Map<String, Object> view(Supervision s) {
    return Map.of("caseRef", s.getCaseRef(), "note", s.getNote() == null ? "" : s.getNote(), "since",
        s.getCreatedAt());
  }

  record TextBody(String message, String note) {}
}
