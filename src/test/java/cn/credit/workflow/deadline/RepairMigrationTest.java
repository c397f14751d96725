package cn.credit.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTest;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real credit repair model as it was before the deadline timers (version tag 1, kept as a test
 * resource), with cases waiting at the decision and at the member departments' confirmations (a
 * multi-instance step), moved to the model of {@code processes/} by the start-up migration: the same
 * tasks, each with its three timers set from its own due date.
 */
@EngineTest
class RepairMigrationTest {

  static final String APPLICANT = "applicant.a";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DeadlineMigration migration;
  @Autowired Deadlines deadlines;
  @Autowired RepairService repairs;
  @Autowired InboxService inbox;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void casesOnTheOldRepairModelGetTheTimersOfTheCurrentOne() throws IOException {
    EngineTime.set(Instant.now());
    repositoryService.createDeployment().name("credit repair before the deadline timers")
        .addClasspathResource("bpmn/legacy/credit-repair-v1.bpmn").deploy();
    RepairRequest deciding = filedAndSigned("ecology");
    complete(deciding, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    RepairRequest lifting = filedAndSigned("market", "tax", "housing");
    complete(lifting, "AcceptRequest", "reviewer.market", Map.of("acceptOutcome", "accept"));
    complete(lifting, "VerifyAndDecide", "reviewer.market", Map.of("decision", "grant"));
    Task decide = task(deciding, "VerifyAndDecide");
    List<Task> confirmations = taskService.createTaskQuery().processInstanceBusinessKey(lifting.getCaseRef())
        .taskDefinitionKey("ConfirmLifting").list();
    assertThat(confirmations).hasSize(2);
    assertThat(managementService.createJobQuery().processInstanceId(decide.getProcessInstanceId()).timers().count())
        .as("the old model has no deadline timers").isZero();

    // the current model deployed again, as a new version of the app deploys it; a day passes
    repositoryService.createDeployment().name("credit repair with the deadline timers").addString(
        "credit-repair.bpmn", Files.readString(Path.of("processes", "credit-repair.bpmn"))).deploy();
    EngineTime.set(Instant.now().plus(Duration.ofDays(1)));
    assertThat(migration.run(List.of("creditRepair"))).isGreaterThanOrEqualTo(2);

    assertThat(taskService.createTaskQuery().taskId(decide.getId()).count()).as("the same task").isOne();
    assertThat(timers(decide.getProcessInstanceId(), "VerifyAndDecide")).containsExactlyInAnyOrderEntriesOf(
        moments(decide.getDueDate()));
    assertThat(timers(confirmations.get(0).getProcessInstanceId(), "ConfirmLifting"))
        .as("one set on the multi-instance body").containsExactlyInAnyOrderEntriesOf(
            moments(confirmations.get(0).getDueDate()));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(lifting.getCaseRef())
        .taskDefinitionKey("ConfirmLifting").list()).extracting(Task::getId)
        .containsExactlyInAnyOrderElementsOf(confirmations.stream().map(Task::getId).toList());
    assertThat(migration.run(List.of("creditRepair"))).as("a second start moves nothing").isZero();
  }

  private Map<String, Instant> moments(Date due) {
    return Map.of("_Reminder", deadlines.reminderAt(due).toInstant(), "_Overdue", deadlines.overdueAt(due).toInstant(),
        "_City", deadlines.cityEscalationAt(due).toInstant());
  }

  /** The run's timer jobs of a step's three deadline timers, by the ending of the timer's id. */
  private Map<String, Instant> timers(String processInstanceId, String step) {
    Map<String, Instant> timers = new HashMap<>();
    for (String ending : List.of("_Reminder", "_Overdue", "_City")) {
      managementService.createJobQuery().processInstanceId(processInstanceId).activityId(step + ending).timers().list()
          .forEach(job -> timers.put(ending, job.getDuedate().toInstant()));
      assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).activityId(step + ending)
          .count()).as(step + ending).isOne();
    }
    return timers;
  }

  private RepairRequest filedAndSigned(String department, String... members) {
    Long recordId = tx.execute(s -> {
      var entity = users.findById(APPLICANT).orElseThrow().getEntity();
      Set<Department> memberSet = Arrays.stream(members).map(departments::getReferenceById).collect(Collectors.toSet());
      return recordService.publish(new RecordFacts(entity, departments.getReferenceById(department),
          RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "迁移〔" + System.nanoTime() + "〕号", "测试处罚", "内容",
          LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, memberSet), "test").getId();
    });
    RepairRequest request = repairs.file(APPLICANT, recordId, "已履行全部法定义务");
    repairs.sign(request.getId(), APPLICANT, "王明德", true);
    return request;
  }

  private void complete(RepairRequest request, String step, String user, Map<String, Object> values) {
    inbox.complete(task(request, step).getId(), user, values);
  }

  private Task task(RepairRequest request, String step) {
    return taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef()).taskDefinitionKey(step)
        .list().get(0);
  }
}
