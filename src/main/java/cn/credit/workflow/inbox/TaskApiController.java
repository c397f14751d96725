package cn.credit.workflow.inbox;

import cn.credit.workflow.calendar.DueDates;
import com.fasterxml.jackson.annotation.JsonFormat;
import cn.credit.workflow.casefile.Cases;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox as JSON: the caller's claimable and claimed tasks, claim, hand back, complete. */
@RestController
class TaskApiController {

  private final InboxService inbox;
  private final Cases cases;
  private final DueDates dueDates;

  private final TaskActions actions;

  TaskApiController(InboxService inbox, Cases cases, DueDates dueDates, TaskActions actions) {
    this.actions = actions;
    this.inbox = inbox;
    this.cases = cases;
    this.dueDates = dueDates;
  }

  @GetMapping("/api/tasks")
  List<Map<String, Object>> tasks(Principal principal) {
    return inbox.tasksOf(principal.getName()).stream().map(this::view).toList();
  }

  @GetMapping("/api/tasks/{id}")
  Map<String, Object> task(@PathVariable String id, Principal principal) {
    InboxService.InboxTask task = inbox.task(id, principal.getName());
    Map<String, Object> view = view(task);
    view.put("form", inbox.formOf(task.formKey()));
    return view;
  }

  @PostMapping("/api/tasks/{id}/claim")
  Map<String, Object> claim(@PathVariable String id, Principal principal) {
    return view(inbox.claim(id, principal.getName()));
  }

  @PostMapping("/api/tasks/{id}/unclaim")
  Map<String, Object> unclaim(@PathVariable String id, Principal principal) {
    return view(inbox.unclaim(id, principal.getName()));
  }

  @PostMapping("/api/tasks/{id}/complete")
  Map<String, Object> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> fields,
      Principal principal) {
    inbox.complete(id, principal.getName(), fields);
    return Map.of("id", id, "completed", true);
  }

  /** What a transfer, a delegation, its return or a copy says: to whom (a list for a copy) and why. */
  record ActionRequest(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to,
      String reason) {

    String person() {
      return to == null || to.isEmpty() ? null : to.get(0);
    }
  }

  @PostMapping("/api/tasks/{id}/transfer")
  Map<String, Object> transfer(@PathVariable String id, @RequestBody ActionRequest request, Principal principal) {
    actions.transfer(id, principal.getName(), request.person(), request.reason());
    return view(inbox.task(id, principal.getName()));
  }

  @PostMapping("/api/tasks/{id}/delegate")
  Map<String, Object> delegate(@PathVariable String id, @RequestBody ActionRequest request, Principal principal) {
    actions.delegate(id, principal.getName(), request.person(), request.reason());
    return Map.of("id", id, "delegatedTo", request.person());
  }

  @PostMapping("/api/tasks/{id}/resolve")
  Map<String, Object> resolve(@PathVariable String id, @RequestBody ActionRequest request, Principal principal) {
    actions.resolve(id, principal.getName(), request.reason());
    return Map.of("id", id, "resolved", true);
  }

  @PostMapping("/api/tasks/{id}/copy")
  Map<String, Object> copy(@PathVariable String id, @RequestBody ActionRequest request, Principal principal) {
    actions.copy(id, principal.getName(), request.to(), request.reason());
    return Map.of("id", id, "copiedTo", request.to());
  }

  @PostMapping("/api/tasks/{id}/consult")
  Map<String, Object> consult(@PathVariable String id, @RequestBody ActionRequest request, Principal principal) {
    actions.consult(id, principal.getName(), request.person(), request.reason());
    return Map.of("id", id, "asked", request.person());
  }

  @PostMapping("/api/tasks/consultations/{questionId}/answer")
  Map<String, Object> answer(@PathVariable Long questionId, @RequestBody ActionRequest request, Principal principal) {
    actions.answer(questionId, principal.getName(), request.reason());
    return Map.of("question", questionId, "answered", true);
  }

  private Map<String, Object> view(InboxService.InboxTask task) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", task.id());
    view.put("name", task.name());
    view.put("step", task.taskKey());
    view.put("caseRef", task.caseRef());
    view.put("caseId", cases.idOf(task.caseRef()).orElse(null));
    view.put("due", task.due());
    view.put("dueProvisional", dueDates.provisional(task.due()));
    view.put("overdue", task.overdue());
    view.put("department", task.department());
    view.put("assignee", task.assignee());
    view.put("owner", task.owner());
    view.put("delegated", task.delegated());
    return view;
  }
}
