package cn.credit.workflow.inbox;

import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.process.StepNames;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldErrors;
import cn.credit.workflow.system.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shared task inbox as pages: the lists, one task with its form, claim, hand back, complete. */
@Controller
class InboxController {

  private final TaskLists lists;
  private final InboxService inbox;
  private final Deadlines deadlines;
  private final StepNames steps;
  private final MessageSource messages;
  private final CaseBeside caseBeside;

  InboxController(TaskLists lists, InboxService inbox, Deadlines deadlines, StepNames steps, MessageSource messages,
      CaseBeside caseBeside) {
    this.caseBeside = caseBeside;
    this.steps = steps;
    this.messages = messages;
    this.lists = lists;
    this.inbox = inbox;
    this.deadlines = deadlines;
  }

  @GetMapping("/tasks")
  String list(@RequestParam(defaultValue = "MINE") String queue, @RequestParam(required = false) String process,
      @RequestParam(required = false) String step, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) String party, @RequestParam(defaultValue = "0") int page,
      Principal principal, Model model) {
    TaskLists.Queue chosen = parseQueue(queue);
    TaskLists.Filter filter = new TaskLists.Filter(process, step, overdue, party);
    Page<WorkItem> items = lists.page(principal.getName(), chosen, filter, page, TaskLists.PAGE_SIZE);
    model.addAttribute("queue", chosen.name());
    model.addAttribute("filter", filter);
    model.addAttribute("page", items);
    model.addAttribute("rows", DatedWorkItem.of(items.getContent(), deadlines));
    model.addAttribute("processes", StepNames.PROCESSES);
    model.addAttribute("steps", steps.all());
    return "tasks/list";
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, Principal principal, Model model, Locale locale) {
    return show(id, principal.getName(), Map.of(), List.of(), model, locale);
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, Principal principal, RedirectAttributes flash) {
    inbox.claim(id, principal.getName());
    flash.addFlashAttribute("notice", "tasks.claimed");
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, Principal principal, RedirectAttributes flash) {
    inbox.unclaim(id, principal.getName());
    flash.addFlashAttribute("notice", "tasks.handedBack");
    return "redirect:/tasks?queue=DEPARTMENT";
  }

  @PostMapping("/tasks/{id}/complete")
  String complete(@PathVariable String id, @RequestParam Map<String, String> params, Principal principal,
      Model model, Locale locale, RedirectAttributes flash, HttpServletResponse response) {
    Map<String, Object> fields = new LinkedHashMap<>(params);
    fields.remove("_csrf");
    try {
      inbox.complete(id, principal.getName(), fields);
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      return show(id, principal.getName(), fields, problem.errors(), model, locale);
    }
    flash.addFlashAttribute("notice", "tasks.completed");
    return "redirect:/tasks";
  }

  private String show(String id, String username, Map<String, ?> values, List<FieldProblem> errors, Model model,
      Locale locale) {
    InboxService.InboxTask task = inbox.task(id, username);
    model.addAttribute("task", task);
    WorkItem item = inbox.workItem(id).orElse(null);
    model.addAttribute("title", item == null ? task.name()
        : steps.nameOf(item.getProcessKey(), task.taskKey(), task.name(), locale));
    model.addAttribute("item", item);
    model.addAttribute("due", deadlines.statusOf(task.due() == null ? null : task.due().toInstant()));
    TaskForm form = inbox.formOf(task.formKey());
    model.addAttribute("form", form == null ? null : FormView.of(form, values, errors, messages, locale));
    model.addAttribute("mine", username.equals(task.assignee()));
    if (task.caseRef() != null) {
      caseBeside.fillCase(task.caseRef(), username, model);
    }
    return "tasks/task";
  }

  private static TaskLists.Queue parseQueue(String queue) {
    try {
      return TaskLists.Queue.valueOf(queue);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("tasks.queue.unknown", queue);
    }
  }
}
