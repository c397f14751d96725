package cn.credit.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.DueJobs;
import cn.credit.workflow.EngineTest;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.oversight.Escalation;
import cn.credit.workflow.oversight.EscalationLevel;
import cn.credit.workflow.oversight.EscalationRepository;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case started before the deadline timers (model version 1, its task watched by the retired
 * task-deadline.bpmn, started as DeadlineWatch started it) moves at start-up to version 2, which draws
 * the timers: the same open task, timers from the task's own due date, none for a moment the watch
 * had passed, no watch left; a second run changes nothing.
 */
@EngineTest
class DeadlineMigrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DeadlineMigration migration;
  @Autowired Deadlines deadlines;
  @Autowired EscalationRepository escalations;

  @AfterEach
  void cleanUp() {
    for (String key : List.of("migrationTest", DeadlineMigration.WATCH_PROCESS)) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "test over", true, true, true, true));
    }
    EngineTime.reset();
  }

  @Test
  void runningCasesOfTheOldModelGetTheTimersOfTheNewOneAndTheirWatchesEnd() {
    EngineTime.set(Instant.parse("2026-09-28T02:00:00Z")); // Monday, 10:00 in Shanghai
    repositoryService.createDeployment().addClasspathResource("bpmn/legacy/migration-test-v1.bpmn")
        .addClasspathResource("bpmn/legacy/task-deadline.bpmn").deploy();
    ProcessInstance fresh = runtimeService.startProcessInstanceByKey("migrationTest", "M-" + System.nanoTime() + "-1");
    ProcessInstance late = runtimeService.startProcessInstanceByKey("migrationTest", "M-" + System.nanoTime() + "-2");
    Task freshTask = task(fresh);
    Task lateTask = task(late);
    watch(freshTask, fresh.getBusinessKey(), true);
    watch(lateTask, late.getBusinessKey(), false); // a watch that skipped its reminder: it waits for the deadline
    assertThat(managementService.createJobQuery().processInstanceId(fresh.getId()).count()).as("v1 has no timers").isZero();

    repositoryService.createDeployment().addClasspathResource("bpmn/legacy/migration-test-v2.bpmn").deploy();
    // a day later: expressions evaluated now would give other dates than the tasks' own
    EngineTime.set(Instant.parse("2026-09-29T02:00:00Z"));
    assertThat(migration.run(List.of("migrationTest"))).isEqualTo(2);

    ProcessDefinition v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("migrationTest")
        .latestVersion().singleResult();
    for (ProcessInstance instance : List.of(fresh, late)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(v2.getId());
    }
    assertThat(task(fresh).getId()).as("the same open task").isEqualTo(freshTask.getId());
    Date due = freshTask.getDueDate();
    assertThat(due).isEqualTo(Date.from(Instant.parse("2026-10-08T15:59:59Z")));
    assertThat(timers(fresh)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Accept_Reminder", deadlines.reminderAt(due).toInstant(),
        "Accept_Overdue", deadlines.overdueAt(due).toInstant(),
        "Accept_City", deadlines.cityEscalationAt(due).toInstant()));
    assertThat(timers(late)).as("the reminder the watch had passed does not come").containsOnlyKeys(
        "Accept_Overdue", "Accept_City");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DeadlineMigration.WATCH_PROCESS).count())
        .as("no watch is left").isZero();
    assertThat(taskService.getVariableLocal(freshTask.getId(), DeadlineMigration.WATCH_VARIABLE)).isNull();

    assertThat(migration.run(List.of("migrationTest"))).as("a second start moves nothing").isZero();
    assertThat(timers(fresh)).hasSize(3);

    // the moved timers fire at their moments, once
    EngineTime.set(deadlines.overdueAt(due).toInstant());
    assertThat(DueJobs.run(managementService)).isEqualTo(3); // fresh: reminder and overdue; late: overdue
    assertThat(escalations.findByTaskIdOrderById(freshTask.getId())).extracting(Escalation::getLevel)
        .containsExactly(EscalationLevel.DEPARTMENT_LEADER);
    assertThat(escalations.findByTaskIdOrderById(lateTask.getId())).extracting(Escalation::getLevel)
        .containsExactly(EscalationLevel.DEPARTMENT_LEADER);
  }

  /** The watch as the retired DeadlineWatch started it beside a task. */
  private void watch(Task task, String caseRef, boolean remind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("taskId", task.getId());
    variables.put("dueAt", task.getDueDate());
    variables.put("reminderAt", deadlines.reminderAt(task.getDueDate()));
    variables.put("remind", remind);
    variables.put("overdueAt", deadlines.overdueAt(task.getDueDate()));
    variables.put("cityEscalationAt", deadlines.cityEscalationAt(task.getDueDate()));
    String watch = runtimeService.startProcessInstanceByKey(DeadlineMigration.WATCH_PROCESS, caseRef, variables).getId();
    taskService.setVariableLocal(task.getId(), DeadlineMigration.WATCH_VARIABLE, watch);
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private Map<String, Instant> timers(ProcessInstance instance) {
    Map<String, Instant> timers = new HashMap<>();
    for (String timer : List.of("Accept_Reminder", "Accept_Overdue", "Accept_City")) {
      managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timer).timers().list()
          .forEach(job -> timers.put(timer, job.getDuedate().toInstant()));
    }
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
        .as("no other timer").isEqualTo(timers.size());
    return timers;
  }
}
