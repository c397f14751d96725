package cn.credit.workflow.inbox;

import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.notification.MailKind;
import cn.credit.workflow.notification.Notifier;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.OpenStep;
import cn.credit.workflow.process.StepNames;
import cn.credit.workflow.process.StepTakenException;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with a task besides completing it, as a Chinese government BPM inbox offers it:
 * transfer (转办), delegate and get back (委派), copy to (抄送), claim several at once. Each is
 * checked for access (404 when the task is not theirs to work), recorded with who, when and why in
 * the case's history, and mailed to the person it concerns, in one transaction.
 */
@Service
public class TaskActions {

  static final int REASON_MAX = 1000;
  static final int COPY_MAX = 10;
  /** What 抄送我的 lists: copies, and questions asked (征求意见). */
  static final List<TaskAction.Kind> TO_READ = List.of(TaskAction.Kind.COPY, TaskAction.Kind.CONSULT);

  /** How many rows each list has: 我的待办, 部门待办, 抄送我的, 已办. */
  public record Counts(long mine, long department, long copied, long done) {}

  private final InboxService inbox;
  private final CaseTasks steps;
  private final WorkItemRepository items;
  private final TaskActionRepository actions;
  private final TaskLists lists;
  private final Users users;
  private final Cases cases;
  private final Notifier notifier;
  private final StepNames stepNames;
  private final Deadlines deadlines;
  private final MessageSource messages;
  private final Clock clock;

  TaskActions(InboxService inbox, CaseTasks steps, WorkItemRepository items, TaskActionRepository actions,
      TaskLists lists, Users users, Cases cases, Notifier notifier, StepNames stepNames, Deadlines deadlines,
      MessageSource messages, Clock clock) {
    this.inbox = inbox;
    this.steps = steps;
    this.items = items;
    this.actions = actions;
    this.lists = lists;
    this.users = users;
    this.cases = cases;
    this.notifier = notifier;
    this.stepNames = stepNames;
    this.deadlines = deadlines;
    this.messages = messages;
    this.clock = clock;
  }

  /** 转办: the assignee gives the task to a colleague who may work it, who works it from now on. */
  @Transactional
  public void transfer(String taskId, String username, String to, String reason) {
    OpenStep step = ownTask(taskId, username);
    AppUser colleague = checked(step, username, to, reason);
    engine(taskId, () -> steps.transfer(taskId, colleague.getUsername()));
    record(step, TaskAction.Kind.TRANSFER, username, colleague, reason.strip(), "/tasks/" + taskId);
  }

  /** 委派: a colleague works the task for its assignee and gives it back ({@link #resolve}). */
  @Transactional
  public void delegate(String taskId, String username, String to, String reason) {
    OpenStep step = ownTask(taskId, username);
    AppUser colleague = checked(step, username, to, reason);
    engine(taskId, () -> steps.delegate(taskId, colleague.getUsername()));
    record(step, TaskAction.Kind.DELEGATE, username, colleague, reason.strip(), "/tasks/" + taskId);
  }

  /** The delegate gives the task back to its owner with what they found. */
  @Transactional
  public void resolve(String taskId, String username, String opinion) {
    OpenStep step = inbox.openFor(taskId, username);
    if (!step.delegated() || !username.equals(step.assignee())) {
      throw ApiProblem.conflict("task.resolve.notDelegated", taskId);
    }
    List<FieldProblem> errors = new ArrayList<>();
    reasonChecked(opinion, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "task.action.invalid", taskId);
    }
    AppUser owner = users.findById(step.owner()).orElseThrow(() -> ApiProblem.conflict("task.resolve.notDelegated", taskId));
    engine(taskId, () -> steps.resolve(taskId));
    record(step, TaskAction.Kind.RESOLVE, username, owner, opinion.strip(), "/tasks/" + taskId);
  }

  /** 抄送: whoever may work the task tells people who may see the case; they find it in 抄送我的. */
  @Transactional
  public void copy(String taskId, String username, List<String> to, String note) {
    OpenStep step = inbox.openFor(taskId, username);
    List<FieldProblem> errors = new ArrayList<>();
    List<AppUser> readers = readers(step, username, to, COPY_MAX, true, errors);
    if (note != null && note.strip().length() > REASON_MAX) {
      errors.add(FieldProblem.of("reason", "field.atMost", REASON_MAX));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "task.action.invalid", taskId);
    }
    String words = note == null || note.isBlank() ? null : note.strip();
    readers.forEach(reader -> record(step, TaskAction.Kind.COPY, username, reader, words, "/cases/" + step.caseRef()));
  }

  /**
   * 征求意见: whoever may work the task asks a staff member for an opinion: a colleague, a leader, or
   * another department's officer, who may read the case from then on ({@link ConsultedGuests}) to
   * answer knowing it; they answer from 抄送我的.
   */
  @Transactional
  public void consult(String taskId, String username, String to, String question) {
    OpenStep step = inbox.openFor(taskId, username);
    List<FieldProblem> errors = new ArrayList<>();
    List<AppUser> asked = readers(step, username, to == null ? List.of() : List.of(to), 1, false, errors);
    reasonChecked(question, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "task.action.invalid", taskId);
    }
    record(step, TaskAction.Kind.CONSULT, username, asked.get(0), question.strip(), "/tasks?queue=COPIED");
  }

  /** The person asked gives their opinion, once; whoever asked is mailed and sees it on the task. */
  @Transactional
  public void answer(Long questionId, String username, String opinion) {
    TaskAction question = actions.findById(questionId)
        .filter(q -> q.getAction() == TaskAction.Kind.CONSULT && username.equals(q.getTarget()))
        .orElseThrow(() -> ApiProblem.notFound("task.consult.none", questionId));
    if (actions.existsByAnswersId(questionId)) {
      throw ApiProblem.conflict("task.consult.answered", questionId);
    }
    List<FieldProblem> errors = new ArrayList<>();
    reasonChecked(opinion, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "task.action.invalid", question.getTaskId());
    }
    TaskAction answer = actions.save(new TaskAction(question, username, opinion.strip(), clock.instant()));
    AppUser asker = users.findById(question.getActor()).orElseThrow(() -> ApiProblem.notFound("task.consult.none", questionId));
    Date due = items.findById(question.getTaskId()).map(WorkItem::getDueAt).map(Date::from).orElse(null);
    mail(answer, asker, due, "/tasks/" + question.getTaskId());
  }

  /** A question asked about a task, with its answer once given. */
  public record Consultation(TaskAction question, TaskAction answer) {}

  @Transactional(readOnly = true)
  public List<Consultation> consultationsOf(String taskId) {
    List<TaskAction> asked = actions.findByTaskIdAndActionInOrderById(taskId, List.of(TaskAction.Kind.CONSULT));
    Map<Long, TaskAction> answers = new HashMap<>();
    if (!asked.isEmpty()) {
      actions.findByAnswersIdIn(asked.stream().map(TaskAction::getId).toList())
          .forEach(a -> answers.put(a.getAnswersId(), a));
    }
    return asked.stream().map(q -> new Consultation(q, answers.get(q.getId()))).toList();
  }

  /** Of these questions, the ones answered. */
  @Transactional(readOnly = true)
  public Set<Long> answered(List<TaskAction> rows) {
    List<Long> questions = rows.stream().filter(r -> r.getAction() == TaskAction.Kind.CONSULT).map(TaskAction::getId).toList();
    return questions.isEmpty() ? Set.of() : actions.findByAnswersIdIn(questions).stream().map(TaskAction::getAnswersId)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Of these questions, the answers given, by the question's id: the person asked reads what they answered. */
  @Transactional(readOnly = true)
  public Map<Long, TaskAction> answers(List<TaskAction> rows) {
    List<Long> questions = rows.stream().filter(r -> r.getAction() == TaskAction.Kind.CONSULT).map(TaskAction::getId).toList();
    Map<Long, TaskAction> answers = new HashMap<>();
    if (!questions.isEmpty()) {
      actions.findByAnswersIdIn(questions).forEach(a -> answers.put(a.getAnswersId(), a));
    }
    return answers;
  }

  /** The display names of these people, by user name (staff pages name who asked and who answers). */
  @Transactional(readOnly = true)
  public Map<String, String> namesOf(Collection<String> usernames) {
    Map<String, String> names = new HashMap<>();
    new LinkedHashSet<>(usernames).forEach(u -> users.findById(u).ifPresent(p -> names.put(u, p.getDisplayName())));
    return names;
  }

  /**
   * The people named, each enabled staff, not the person asking, and ({@code mustSee}) one who may
   * see the case already; every problem with them.
   */
  private List<AppUser> readers(OpenStep step, String username, List<String> to, int most, boolean mustSee,
      List<FieldProblem> errors) {
    Set<String> names = new LinkedHashSet<>();
    (to == null ? List.<String>of() : to).stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
        .forEach(names::add);
    List<AppUser> readers = new ArrayList<>();
    if (names.isEmpty()) {
      errors.add(FieldProblem.of("to", "field.required"));
    } else if (names.size() > most) {
      errors.add(FieldProblem.of("to", "task.copy.tooMany", most));
      return readers;
    }
    for (String name : names) {
      AppUser reader = users.findById(name).filter(u -> isStaff(u) && u.isEnabled() && !u.getUsername().equals(username)
          && (!mustSee || maySee(step.caseRef(), u.getUsername()))).orElse(null);
      if (reader == null) {
        errors.add(FieldProblem.of("to", mustSee ? "task.copy.mayNotSee" : "task.consult.notStaff", name));
      } else {
        readers.add(reader);
      }
    }
    return readers;
  }

  /** Claims several tasks of the department's queue at once: all of them, or none when one cannot be. */
  @Transactional
  public int claimAll(List<String> taskIds, String username) {
    List<String> ids = taskIds == null ? List.of() : taskIds.stream().filter(id -> id != null && !id.isBlank())
        .distinct().toList();
    if (ids.isEmpty()) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("taskId", "tasks.batch.none")), "tasks.batch.none");
    }
    ids.forEach(id -> inbox.claim(id, username));
    return ids.size();
  }

  /** Whom the task page offers: colleagues to give the task to, staff to copy it to. */
  public record Choices(List<AppUser> colleagues, List<AppUser> staff) {}

  @Transactional(readOnly = true)
  public Choices choices(String taskId, String username) {
    OpenStep step = inbox.openFor(taskId, username);
    return new Choices(colleagues(step, username), staff(username));
  }

  /** The people the task may be given to: those who may work it, but the person asking. */
  private List<AppUser> colleagues(OpenStep step, String username) {
    return users.findAll().stream().filter(u -> !u.getUsername().equals(username) && u.isEnabled() && mayWork(step, u))
        .toList();
  }

  /** Staff to copy a task to (whether they may see the case is checked when it is copied). */
  private List<AppUser> staff(String username) {
    return users.findAll().stream().filter(u -> !u.getUsername().equals(username) && u.isEnabled() && isStaff(u))
        .toList();
  }

  @Transactional(readOnly = true)
  public Page<TaskAction> copiedTo(String username, int page) {
    if (page < 0) {
      throw ApiProblem.badRequest("tasks.page.range", TaskLists.MAX_PAGE_SIZE);
    }
    return actions.findByTargetAndActionInOrderByOccurredAtDesc(username, TO_READ,
        PageRequest.of(page, TaskLists.PAGE_SIZE));
  }

  /**
   * The queues' sizes; the list on the page has counted its own already ({@code shown}, with its
   * total, unfiltered), so that a queue of many rows is counted once per page, not twice.
   */
  @Transactional(readOnly = true)
  public Counts counts(String username, TaskLists.Queue shown, long shownTotal) {
    return new Counts(count(username, TaskLists.Queue.MINE, shown, shownTotal),
        count(username, TaskLists.Queue.DEPARTMENT, shown, shownTotal),
        actions.countByTargetAndActionIn(username, TO_READ), count(username, TaskLists.Queue.DONE, shown, shownTotal));
  }

  private long count(String username, TaskLists.Queue queue, TaskLists.Queue shown, long shownTotal) {
    return queue == shown ? shownTotal : lists.count(username, queue);
  }

  /** The caller's own claimed task, not delegated away. */
  private OpenStep ownTask(String taskId, String username) {
    OpenStep step = inbox.openFor(taskId, username);
    if (step.delegated()) {
      throw ApiProblem.conflict("task.delegated.resolveFirst", taskId);
    }
    if (!username.equals(step.assignee())) {
      throw step.assignee() == null ? ApiProblem.conflict("task.action.claimFirst", taskId)
          : ApiProblem.conflict("task.claimedOther", taskId, step.assignee());
    }
    return step;
  }

  /** The colleague named and the reason given, or every problem with them. */
  private AppUser checked(OpenStep step, String username, String to, String reason) {
    List<FieldProblem> errors = new ArrayList<>();
    AppUser colleague = null;
    if (to == null || to.isBlank()) {
      errors.add(FieldProblem.of("to", "field.required"));
    } else if (to.strip().equals(username)) {
      errors.add(FieldProblem.of("to", "task.action.self"));
    } else {
      colleague = users.findById(to.strip()).filter(u -> u.isEnabled() && mayWork(step, u)).orElse(null);
      if (colleague == null) {
        errors.add(FieldProblem.of("to", "task.action.notColleague", to.strip()));
      }
    }
    reasonChecked(reason, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "task.action.invalid", step.id());
    }
    return colleague;
  }

  private static void reasonChecked(String reason, List<FieldProblem> errors) {
    if (reason == null || reason.isBlank()) {
      errors.add(FieldProblem.of("reason", "field.required"));
    } else if (reason.strip().length() > REASON_MAX) {
      errors.add(FieldProblem.of("reason", "field.atMost", REASON_MAX));
    }
  }

  /** Whether the person is offered the task: in one of its groups, or one of its candidate people. */
  private boolean mayWork(OpenStep step, AppUser user) {
    if (step.candidateUsers().contains(user.getUsername())) {
      return true;
    }
    Set<String> groups = lists.groupsOf(user.getUsername());
    return step.candidateGroups().stream().anyMatch(groups::contains);
  }

  private boolean maySee(String caseRef, String username) {
    try {
      cases.requireVisible(caseRef, username);
      return true;
    } catch (ApiProblem notVisible) {
      return false;
    }
  }

  private static boolean isStaff(AppUser user) {
    return user.hasRole(Role.REVIEWER) || user.hasRole(Role.LEADER) || user.hasRole(Role.CITY_LEADER);
  }

  private static void engine(String taskId, Runnable change) {
    try {
      change.run();
    } catch (StepTakenException e) {
      throw ApiProblem.conflict("task.changedJustNow", taskId);
    }
  }

  /** The line in the case's history and the mail to the person it concerns. */
  private void record(OpenStep step, TaskAction.Kind kind, String actor, AppUser target, String reason, String path) {
    WorkItem item = items.findById(step.id()).orElseThrow(() -> ApiProblem.notFound("task.none", step.id()));
    TaskAction action = actions.save(new TaskAction(item, kind, actor, target.getUsername(), reason, clock.instant()));
    mail(action, target, step.due(), path);
  }

  private void mail(TaskAction action, AppUser target, Date due, String path) {
    mail(action, List.of(target), action.getStepKey(), action.getStepName(), due, path);
  }

  /** The action's mail about a step (for a return, the step the case went back to) to the people it concerns. */
  void mail(TaskAction action, List<AppUser> targets, String stepKey, String stepName, Date due, String path) {
    Map<String, Object> model = new HashMap<>();
    String nameZh = stepNames.nameOf(action.getProcessKey(), stepKey, stepName, Locale.SIMPLIFIED_CHINESE);
    String actionZh = messages.getMessage("taskAction." + action.getAction(), null, Locale.SIMPLIFIED_CHINESE);
    model.put("subjectArg", actionZh + " " + nameZh);
    model.put("actionZh", actionZh);
    model.put("actionEn", messages.getMessage("taskAction." + action.getAction(), null, Locale.ENGLISH));
    model.put("taskName", nameZh);
    model.put("taskNameEn", stepNames.nameOf(action.getProcessKey(), stepKey, stepName, Locale.ENGLISH));
    model.put("actorName", users.findById(action.getActor()).map(AppUser::getDisplayName).orElse(action.getActor()));
    model.put("reason", action.getReason());
    model.put("dueText", due == null ? "—" : deadlines.dayOf(due).toString());
    model.put("dueProvisional", due != null && deadlines.isProvisional(due));
    model.put(Notifier.PATH, path);
    notifier.notify(MailKind.TASK_ACTION, "task-action:" + action.getId(), targets, model, action.getCaseRef());
  }
}
