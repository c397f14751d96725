package cn.credit.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.credit.workflow.DueJobs;
import cn.credit.workflow.EngineTest;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.inbox.WorkItem;
import cn.credit.workflow.inbox.WorkItemRepository;
import cn.credit.workflow.notification.MailDispatcher;
import cn.credit.workflow.notification.MailKind;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.notification.NotificationStatus;
import cn.credit.workflow.oversight.Escalation;
import cn.credit.workflow.oversight.EscalationLevel;
import cn.credit.workflow.oversight.EscalationRepository;
import cn.credit.workflow.process.CaseTasks;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline machinery on a one-task process, the clock moved by hand: a task to accept within
 * 3 working days, started on Monday 2026-09-28, the week before National Day. Its reminder, overdue
 * and city escalation are the task's own non-interrupting boundary timers (ADR 0003).
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineProcessTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DeadlineTimers deadlineTimers;
  @Autowired CaseTasks caseTasks;
  @Autowired NotificationRepository outbox;
  @Autowired EscalationRepository escalations;
  @Autowired MailDispatcher dispatcher;
  @Autowired WorkItemRepository workItems;

  private int caseNumber;

  @BeforeAll
  void deploy() {
    BpmnAwareTests.init(engine);
    repositoryService.createDeployment().addClasspathResource("bpmn/deadline-test.bpmn").deploy();
  }

  @BeforeEach
  void mondayBeforeNationalDay() {
    at("2026-09-28T02:00:00Z"); // 10:00 in Shanghai
  }

  @AfterEach
  void cleanUp() {
    // each test watches its own task only: nothing of one test is left for the next one's jobs
    for (String key : List.of("deadlineTest")) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "test over", true, true, true, true));
    }
    EngineTime.reset();
  }

  @Test
  void aTaskGetsItsDueDateFromTheWorkingDayCalendar() {
    Task task = task(start());
    // 3 working days from Monday 28 September: 29, 30 September, then 8 October after the holidays
    assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-10-08T15:59:59Z")));
    assertThat(timerOf(task)).isEqualTo(Instant.parse("2026-09-30T01:00:00Z")); // reminder, 09:00 on 30 September
  }

  @Test
  void reminderBeforeTheDeadlineThenOverdueAndDepartmentLeadersAtItThenCityLeadersTwoWorkingDaysLater()
      throws Exception {
    ProcessInstance instance = start();
    Task task = task(instance);
    String caseRef = instance.getBusinessKey();
    assertThat(mails(caseRef)).extracting(Notification::getKind, Notification::getRecipientUser)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(MailKind.TASK_ARRIVED, "reviewer.market"));

    at("2026-09-30T00:59:59Z");
    assertThat(DueJobs.run(managementService)).isZero();
    at("2026-09-30T01:00:00Z");
    assertThat(DueJobs.run(managementService)).isEqualTo(1);
    assertThat(kinds(caseRef)).containsExactly(MailKind.TASK_ARRIVED, MailKind.REMINDER);
    assertThat(escalations.findByTaskIdOrderById(task.getId())).isEmpty();

    at("2026-10-08T15:59:59Z"); // the last second of the due day: not overdue yet
    assertThat(DueJobs.run(managementService)).isZero();
    at("2026-10-08T16:00:00Z"); // midnight in Shanghai
    assertThat(DueJobs.run(managementService)).isEqualTo(1);
    assertThat(taskService.getVariableLocal(task.getId(), CaseTasks.OVERDUE)).isEqualTo(true);
    assertThat(escalations.findByTaskIdOrderById(task.getId())).extracting(Escalation::getLevel)
        .containsExactly(EscalationLevel.DEPARTMENT_LEADER);
    assertThat(mails(caseRef)).filteredOn(m -> m.getKind() == MailKind.OVERDUE)
        .extracting(Notification::getRecipientUser).containsExactly("leader.market");
    assertThat(instance).isWaitingAt("Accept"); // escalation never completes the task ...
    assertThat(task(instance).getDueDate()).isEqualTo(task.getDueDate()); // ... nor moves its deadline

    // two working days after 8 October: 9 October and the make-up Saturday 10 October
    at("2026-10-10T15:59:59Z");
    assertThat(DueJobs.run(managementService)).isZero();
    at("2026-10-10T16:00:00Z");
    assertThat(DueJobs.run(managementService)).isEqualTo(1);
    assertThat(escalations.findByTaskIdOrderById(task.getId())).extracting(Escalation::getLevel)
        .containsExactly(EscalationLevel.DEPARTMENT_LEADER, EscalationLevel.CITY_LEADER);
    assertThat(mails(caseRef)).filteredOn(m -> m.getKind() == MailKind.CITY_ESCALATION)
        .extracting(Notification::getRecipientUser).containsExactly("leader.city");
    assertThat(instance).isWaitingAt("Accept");

    // nothing more is scheduled, and dispatching twice sends every mail once
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).hasPassed("Accept_ReminderAction", "Accept_OverdueAction", "Accept_CityAction");
    int queued = mails(caseRef).size();
    assertThat(queued).isEqualTo(4);
    at("2026-12-01T02:00:00Z"); // later than every mail any test queued
    long sentBefore = outbox.countByStatus(NotificationStatus.SENT); // other tests share the outbox
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();
    assertThat(smtp.getReceivedMessages()).hasSize((int) (outbox.countByStatus(NotificationStatus.SENT) - sentBefore));
    assertThat(mails(caseRef)).allSatisfy(m -> {
      assertThat(m.getStatus()).isEqualTo(NotificationStatus.SENT);
      assertThat(m.getAttempts()).isEqualTo(1);
    });
  }

  @Test
  void anExtensionMovesTheDueDateAndEveryTimerWithIt() {
    ProcessInstance instance = start();
    Task task = task(instance);

    Date newDue = deadlineTimers.extend(task.getId());
    // 10 working days after 8 October: 9, 10 (make-up), 12-16, 19, 20, 21 October
    assertThat(newDue).isEqualTo(Date.from(Instant.parse("2026-10-21T15:59:59Z")));
    assertThat(task(instance).getDueDate()).isEqualTo(newDue);
    assertThat(timerOf(task(instance))).isEqualTo(Instant.parse("2026-10-20T01:00:00Z"));
    // the task's three timer jobs moved: none is due at the old moments any more
    assertThat(caseTasks.timerOf(task.getId(), "Accept_Overdue")).contains(Date.from(Instant.parse("2026-10-21T16:00:00Z")));
    // two working days after 21 October: 22 and 23 October
    assertThat(caseTasks.timerOf(task.getId(), "Accept_City")).contains(Date.from(Instant.parse("2026-10-23T16:00:00Z")));

    at("2026-10-08T16:00:00Z"); // the old deadline passes: nothing happens
    assertThat(DueJobs.run(managementService)).isZero();
    assertThat(escalations.findByTaskIdOrderById(task.getId())).isEmpty();

    at("2026-10-20T01:00:00Z");
    assertThat(DueJobs.run(managementService)).isEqualTo(1);
    at("2026-10-21T16:00:00Z");
    assertThat(DueJobs.run(managementService)).isEqualTo(1);
    assertThat(escalations.findByTaskIdOrderById(task.getId())).extracting(Escalation::getDueAt)
        .containsExactly(newDue.toInstant());
  }

  @Test
  void aTaskThatArrivesAfterItsReminderTimeGetsNoReminder() {
    ProcessInstance instance = start();
    Task task = task(instance);
    // as if less than a working day had been left: the deadline is the end of today, its reminder time has passed
    caseTasks.moveDue(task.getId(), Date.from(Instant.parse("2026-09-28T15:59:59Z")));
    at("2026-09-30T01:00:00Z");
    assertThat(DueJobs.run(managementService)).isEqualTo(1);
    assertThat(instance).hasPassed("Accept_ReminderAction");
    assertThat(kinds(instance.getBusinessKey())).containsExactly(MailKind.TASK_ARRIVED);
  }

  @Test
  void completingTheTaskEndsItsTimers() {
    ProcessInstance instance = start();
    Task task = task(instance);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(3);
    taskService.complete(task.getId());
    assertThat(instance).isEnded();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    at("2026-10-12T02:00:00Z");
    assertThat(DueJobs.run(managementService)).isZero();
    assertThat(escalations.findByTaskIdOrderById(task.getId())).isEmpty();
  }

  @Test
  void deletingACaseWithoutItsCustomListenersStillEndsTheTimersAndTheWorkItem() {
    ProcessInstance instance = start();
    Task task = task(instance);
    assertThat(workItems.findById(task.getId())).hasValueSatisfying(
        item -> assertThat(item.getState()).isEqualTo(WorkItem.State.OPEN));

    // the eventing bridge's listeners are built-in (camunda.bpm.eventing.skippable=false): never skipped
    runtimeService.deleteProcessInstance(instance.getId(), "withdrawn", true, true);
    // the timers are the case's own jobs: they end with it, no listener needed
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(workItems.findById(task.getId())).hasValueSatisfying(
        item -> assertThat(item.getState()).isEqualTo(WorkItem.State.CANCELLED));
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey("deadlineTest", "T-" + System.nanoTime() + "-" + (++caseNumber));
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** When the task's reminder timer fires. */
  private Instant timerOf(Task task) {
    Job job = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
        .activityId("Accept_Reminder").timers().singleResult();
    return job.getDuedate().toInstant();
  }


  private List<Notification> mails(String caseRef) {
    return outbox.findByCaseRefOrderByCreatedAt(caseRef);
  }

  private List<MailKind> kinds(String caseRef) {
    return mails(caseRef).stream().map(Notification::getKind).toList();
  }

  private static void at(String instant) {
    EngineTime.set(Instant.parse(instant));
  }
}
