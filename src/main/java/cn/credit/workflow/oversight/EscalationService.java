package cn.credit.workflow.oversight;

import cn.credit.workflow.deadline.DeadlineEvent;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.notification.MailKind;
import cn.credit.workflow.notification.Notifier;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.StepNames;
import cn.credit.workflow.process.TaskRef;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens around a task's deadline: the arrival mail, the reminder, the overdue mark with the
 * department leaders' mail, the city leaders' escalation, and a leader's urge. Escalation never
 * completes or cancels a task and never moves its deadline: it adds a record, a flag and a mail.
 */
@Service
public class EscalationService {

  private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

  private final EscalationRepository escalations;
  private final CaseTasks tasks;
  private final Notifier notifier;
  private final Users users;
  private final Departments departments;
  private final Deadlines deadlines;
  private final Clock clock;
  private final StepNames stepNames;

  EscalationService(EscalationRepository escalations, CaseTasks tasks, Notifier notifier, Users users,
      Departments departments, Deadlines deadlines, Clock clock, StepNames stepNames) {
    this.stepNames = stepNames;
    this.escalations = escalations;
    this.tasks = tasks;
    this.notifier = notifier;
    this.users = users;
    this.departments = departments;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** The deadline watch's moments, in the engine's transaction. */
  @EventListener
  @Transactional
  public void on(DeadlineEvent event) {
    switch (event.moment()) {
      case TASK_ARRIVED -> taskArrived(event.task());
      case REMINDER_DUE -> remind(event.task());
      case OVERDUE -> markOverdue(event.task());
      case CITY_ESCALATION_DUE -> escalateToCity(event.task());
    }
  }

  /** A task arrived: one mail to whoever will work it, once per task. */
  @Transactional
  public void taskArrived(TaskRef task) {
    notifier.notify(MailKind.TASK_ARRIVED, "task-arrived:" + task.taskId(), workers(task), workerModel(task),
        task.caseRef());
  }

  @Transactional
  public void remind(TaskRef task) {
    notifier.notify(MailKind.REMINDER, "reminder:" + task.taskId() + ":" + task.due().getTime(), workers(task),
        workerModel(task), task.caseRef());
  }

  @Transactional
  public void markOverdue(TaskRef task) {
    withCase(task, () -> {
      tasks.markOverdue(task.taskId());
      record(task, EscalationLevel.DEPARTMENT_LEADER, "system", null);
      notifier.notify(MailKind.OVERDUE, "overdue:" + task.taskId() + ":" + task.due().getTime(),
          departmentLeaders(task), model(task), task.caseRef());
      log.info("Task {} ({}) of {} is overdue: it was due on {}", task.taskId(), task.name(), task.departmentCode(),
          deadlines.dayOf(task.due()));
    });
  }

  @Transactional
  public void escalateToCity(TaskRef task) {
    withCase(task, () -> {
      record(task, EscalationLevel.CITY_LEADER, "system", null);
      notifier.notify(MailKind.CITY_ESCALATION, "city-escalation:" + task.taskId() + ":" + task.due().getTime(),
          users.findByRole(Role.CITY_LEADER), model(task), task.caseRef());
      log.info("Task {} ({}) of {} escalated to the city leaders", task.taskId(), task.name(), task.departmentCode());
    });
  }

  /** A leader urges a task (催办): a record in the case history and a mail to whoever works it. */
  @Transactional
  public Escalation urge(TaskRef task, AppUser leader, String message) {
    Escalation urge = record(task, EscalationLevel.URGE, leader.getUsername(), message);
    Map<String, Object> model = model(task);
    model.put("leaderName", leader.getDisplayName());
    model.put("message", message);
    notifier.notify(MailKind.URGE, "urge:" + urge.getId(), workers(task), model, task.caseRef());
    return urge;
  }

  private Escalation record(TaskRef task, EscalationLevel level, String actor, String message) {
    return escalations.save(new Escalation(task, level, actor, message, clock.instant()));
  }

  /**
   * The assignee if the task is claimed; otherwise whom it is offered to: the department's leaders
   * for a sign-off or an extension's approval ({@code <dept>-leaders}), else its reviewers.
   */
  private List<AppUser> workers(TaskRef task) {
    if (task.assignee() != null) {
      return users.findById(task.assignee()).map(List::of).orElse(List.of());
    }
    if (task.departmentCode() == null) {
      return List.of();
    }
    return users.findByDepartmentAndRole(task.departmentCode(), task.forLeaders() ? Role.LEADER : Role.REVIEWER);
  }

  private List<AppUser> departmentLeaders(TaskRef task) {
    return task.departmentCode() == null ? List.of() : users.findByDepartmentAndRole(task.departmentCode(), Role.LEADER);
  }

  private Map<String, Object> model(TaskRef task) {
    Map<String, Object> model = new HashMap<>();
    // the mail speaks both languages: the step's name in each, from the bundles by the model's ids
    String nameZh = stepNames.nameOf(task.processKey(), task.stepKey(), task.name(), Locale.SIMPLIFIED_CHINESE);
    model.put("subjectArg", nameZh);
    model.put("taskName", nameZh);
    model.put("taskNameEn", stepNames.nameOf(task.processKey(), task.stepKey(), task.name(), Locale.ENGLISH));
    // the facts only: the mails' fragments word the date (and a provisional one) in both languages
    model.put("dueText", task.due() == null ? "—" : deadlines.dayOf(task.due()).toString());
    model.put("dueProvisional", task.due() != null && deadlines.isProvisional(task.due()));
    var department = task.departmentCode() == null ? null : departments.findById(task.departmentCode()).orElse(null);
    model.put("departmentName", department != null ? department.getNameZh()
        : task.departmentCode() == null ? "" : task.departmentCode());
    model.put("departmentNameEn", department != null ? department.getNameEn()
        : task.departmentCode() == null ? "" : task.departmentCode());
    model.put("assignee", task.assignee());
    // how late it is now, counted as the inbox's badge counts it: a timer that fires late (a case
    // moved onto the timers' model, a node that was down) says the true lateness, not the grace days
    model.put("daysLate", task.due() == null ? 0 : deadlines.statusOf(task.due().toInstant()).workingDaysOverdue());
    return model;
  }

  /** For the people who work the task: the mail links to the task itself. */
  private Map<String, Object> workerModel(TaskRef task) {
    Map<String, Object> model = model(task);
    model.put(Notifier.PATH, "/tasks/" + task.taskId());
    return model;
  }

  private static void withCase(TaskRef task, Runnable work) {
    String previous = MDC.get("businessKey");
    MDC.put("businessKey", task.caseRef() == null ? "" : task.caseRef());
    try {
      work.run();
    } finally {
      if (previous == null) {
        MDC.remove("businessKey");
      } else {
        MDC.put("businessKey", previous);
      }
    }
  }
}
