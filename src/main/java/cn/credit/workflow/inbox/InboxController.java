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
import java.util.stream.Stream;
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
  private final FormChoices choices;
  private final CaseBeside caseBeside;
  private final TaskActions actions;
  private final List<RowMarks> marks;
  private final StepReturns returns;

  InboxController(TaskLists lists, InboxService inbox, Deadlines deadlines, StepNames steps, MessageSource messages,
      FormChoices choices, CaseBeside caseBeside, TaskActions actions, List<RowMarks> marks, StepReturns returns) {
    this.returns = returns;
    this.choices = choices;
    this.caseBeside = caseBeside;
    this.actions = actions;
    this.marks = marks;
    this.steps = steps;
    this.messages = messages;
    this.lists = lists;
    this.inbox = inbox;
    this.deadlines = deadlines;
  }

  @GetMapping("/tasks")
  String list(@RequestParam(required = false) String queue, @RequestParam(required = false) String process,
      @RequestParam(required = false) String step, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) String party, @RequestParam(defaultValue = "0") int page,
      Principal principal, Model model) {
    if (COPIED.equals(queue)) {
      model.addAttribute("counts", actions.counts(principal.getName(), null, 0));
      Page<TaskAction> copies = actions.copiedTo(principal.getName(), page);
      model.addAttribute("queue", COPIED);
      model.addAttribute("page", copies);
      model.addAttribute("copies", copies.getContent());
      model.addAttribute("answered", actions.answered(copies.getContent()));
      model.addAttribute("answers", actions.answers(copies.getContent()));
      model.addAttribute("names", actions.namesOf(copies.getContent().stream().map(TaskAction::getActor).toList()));
      return "tasks/list";
    }
    TaskLists.Filter filter = new TaskLists.Filter(process, step, overdue, party);
    TaskLists.Queue chosen = queue == null ? TaskLists.Queue.MINE : parseQueue(queue);
    Page<WorkItem> found = lists.page(principal.getName(), chosen, filter, page, TaskLists.PAGE_SIZE);
    if (queue == null && found.isEmpty()) {
      // landing with nothing of one's own: the work waiting to be claimed (a leader's sign-off) is shown
      Page<WorkItem> waiting = lists.page(principal.getName(), TaskLists.Queue.DEPARTMENT, filter, page,
          TaskLists.PAGE_SIZE);
      if (!waiting.isEmpty()) {
        chosen = TaskLists.Queue.DEPARTMENT;
        found = waiting;
      }
    }
    Page<WorkItem> items = found;
    boolean unfiltered = filter.equals(TaskLists.Filter.none());
    TaskActions.Counts counts = actions.counts(principal.getName(), unfiltered ? chosen : null,
        unfiltered ? items.getTotalElements() : 0);
    model.addAttribute("counts", counts);
    // landing on one's own work while more waits to be claimed (a leader's new sign-off): the first of it below
    boolean landedOnOwn = queue == null && chosen == TaskLists.Queue.MINE && counts.department() > 0;
    model.addAttribute("waiting", landedOnOwn ? DatedWorkItem.of(lists.page(principal.getName(),
        TaskLists.Queue.DEPARTMENT, TaskLists.Filter.none(), 0, WAITING_SHOWN).getContent(), deadlines) : List.of());
    model.addAttribute("queue", chosen.name());
    model.addAttribute("filter", filter);
    model.addAttribute("page", items);
    model.addAttribute("rows", DatedWorkItem.of(items.getContent(), deadlines));
    Map<String, List<RowMarks.Mark>> marked = new LinkedHashMap<>();
    marks.forEach(source -> marked.putAll(source.marksOf(items.getContent())));
    model.addAttribute("marks", marked);
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

  /** Claims the rows ticked in the department's queue, all or none. */
  @PostMapping("/tasks/claim")
  String claimAll(@RequestParam(name = "taskId", required = false) List<String> taskIds, Principal principal,
      RedirectAttributes flash) {
    actions.claimAll(taskIds, principal.getName());
    flash.addFlashAttribute("notice", "tasks.batch.claimed");
    return "redirect:/tasks?queue=MINE";
  }

  @PostMapping("/tasks/{id}/transfer")
  String transfer(@PathVariable String id, @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason, Principal principal, Model model, Locale locale,
      RedirectAttributes flash, HttpServletResponse response) {
    return act("transfer", id, principal, model, locale, response, Map.of("to", blankIfNull(to), "reason", blankIfNull(reason)),
        () -> actions.transfer(id, principal.getName(), to, reason), flash, "tasks.transferred", "redirect:/tasks");
  }

  @PostMapping("/tasks/{id}/delegate")
  String delegate(@PathVariable String id, @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason, Principal principal, Model model, Locale locale,
      RedirectAttributes flash, HttpServletResponse response) {
    return act("delegate", id, principal, model, locale, response, Map.of("to", blankIfNull(to), "reason", blankIfNull(reason)),
        () -> actions.delegate(id, principal.getName(), to, reason), flash, "tasks.delegated", "redirect:/tasks/" + id);
  }

  @PostMapping("/tasks/{id}/resolve")
  String resolve(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal,
      Model model, Locale locale, RedirectAttributes flash, HttpServletResponse response) {
    return act("resolve", id, principal, model, locale, response, Map.of("reason", blankIfNull(reason)),
        () -> actions.resolve(id, principal.getName(), reason), flash, "tasks.resolved", "redirect:/tasks");
  }

  @PostMapping("/tasks/{id}/copy")
  String copy(@PathVariable String id, @RequestParam(name = "to", required = false) List<String> to,
      @RequestParam(required = false) String reason, Principal principal, Model model, Locale locale,
      RedirectAttributes flash, HttpServletResponse response) {
    return act("copy", id, principal, model, locale, response, Map.of("reason", blankIfNull(reason)),
        () -> actions.copy(id, principal.getName(), to, reason), flash, "tasks.copied", "redirect:/tasks/" + id);
  }

  @PostMapping("/tasks/{id}/consult")
  String consult(@PathVariable String id, @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason, Principal principal, Model model, Locale locale,
      RedirectAttributes flash, HttpServletResponse response) {
    return act("consult", id, principal, model, locale, response, Map.of("to", blankIfNull(to), "reason", blankIfNull(reason)),
        () -> actions.consult(id, principal.getName(), to, reason), flash, "tasks.consulted", "redirect:/tasks/" + id);
  }

  /** The person asked answers from 抄送我的; a refusal comes back there beside the question, the text kept. */
  @PostMapping("/tasks/consultations/{questionId}/answer")
  String answer(@PathVariable Long questionId, @RequestParam(required = false) String reason, Principal principal,
      Model model, RedirectAttributes flash, HttpServletResponse response) {
    try {
      actions.answer(questionId, principal.getName(), reason);
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      model.addAttribute("answering", questionId);
      model.addAttribute("actionValues", Map.of("reason", blankIfNull(reason)));
      model.addAttribute("actionErrors", problem.errors());
      return list(COPIED, null, null, false, null, 0, principal, model);
    }
    flash.addFlashAttribute("notice", "tasks.answered");
    return "redirect:/tasks?queue=COPIED";
  }

  /** Does an action; a refusal about its fields comes back on the task page beside the action's form, the input kept. */
  private String act(String action, String id, Principal principal, Model model, Locale locale,
      HttpServletResponse response, Map<String, String> typed, Runnable work, RedirectAttributes flash, String notice,
      String next) {
    try {
      work.run();
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      model.addAttribute("action", action);
      model.addAttribute("actionValues", typed);
      model.addAttribute("actionErrors", problem.errors());
      return show(id, principal.getName(), Map.of(), List.of(), model, locale);
    }
    flash.addFlashAttribute("notice", notice);
    return next;
  }

  private static String blankIfNull(String text) {
    return text == null ? "" : text;
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
    model.addAttribute("form", form == null ? null : FormView.of(form, values, errors, messages, locale,
        choices.of(form, id, locale)));
    model.addAttribute("mine", username.equals(task.assignee()));
    // a draft is the person's own: one browser may be shared by colleagues who work the same task
    model.addAttribute("draftKey", id + ":" + username);
    TaskActions.Choices choices = actions.choices(id, username);
    model.addAttribute("colleagues", choices.colleagues());
    model.addAttribute("staff", choices.staff());
    model.addAttribute("staffGroups", StaffGroup.of(choices.staff(), messages, locale));
    List<TaskActions.Consultation> consultations = actions.consultationsOf(id);
    model.addAttribute("consultations", consultations);
    model.addAttribute("names", actions.namesOf(consultations.stream()
        .flatMap(c -> Stream.of(c.question().getActor(), c.question().getTarget())).toList()));
    model.addAttribute("returns", task.caseRef() == null ? List.of()
        : returns.returnsTo(task.caseRef(), item == null ? null : item.getProcessKey(), task.taskKey(), locale));
    if (task.caseRef() != null) {
      caseBeside.fillCase(task.caseRef(), username, model);
    }
    return "tasks/task";
  }

  private static final String COPIED = "COPIED";
  /** How many rows of the department's queue the landing page shows below one's own. */
  private static final int WAITING_SHOWN = 5;

  private static TaskLists.Queue parseQueue(String queue) {
    try {
      return TaskLists.Queue.valueOf(queue);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("tasks.queue.unknown", queue);
    }
  }
}
