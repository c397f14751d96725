package cn.credit.workflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.notification.MailKind;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Urge (催办) and supervise (督办) through the API, by the leaders who may and refused to those who may not. */
@RunningAppTest
class OversightApiTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired EscalationRepository escalations;
  @Autowired NotificationRepository outbox;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired RepairRequestRepository requests;
  @Autowired TransactionTemplate tx;
  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("deadlineTest").count() == 0) {
      repositoryService.createDeployment().addClasspathResource("bpmn/deadline-test.bpmn").deploy();
    }
  }

  private Task openMarketTask(String caseRef) {
    var instance = runtimeService.startProcessInstanceByKey("deadlineTest", caseRef);
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void theDepartmentsLeaderAndTheCityLeaderMayUrgeOthersMayNot() throws Exception {
    Task task = openMarketTask("R-URGE-1");
    String path = "/api/tasks/" + task.getId() + "/urge";

    HttpResponse<String> urged = http.postJson(path, "leader.market", "{\"message\":\"请今天办结\"}");
    assertThat(urged.statusCode()).as(urged.body()).isEqualTo(201);
    assertThat(urged.body()).contains("\"level\":\"URGE\"").contains("R-URGE-1");
    assertThat(http.postJson(path, "leader.city", "{}").statusCode()).isEqualTo(201);

    HttpResponse<String> otherDepartment = http.postJson(path, "leader.tax", "{}");
    assertThat(otherDepartment.statusCode()).as("another department's task: as if there were none").isEqualTo(404);
    assertThat(otherDepartment.body()).doesNotContain("market");
    assertThat(http.postJson(path, "reviewer.market", "{}").statusCode()).isEqualTo(403);
    assertThat(http.postJson(path, "applicant.a", "{}").statusCode()).isEqualTo(403);
    assertThat(http.postJson(path, null, "{}").statusCode()).isEqualTo(401);
    assertThat(http.postJson("/api/tasks/no-such-task/urge", "leader.city", "{}").statusCode()).isEqualTo(404);
    HttpResponse<String> tooLong = new HttpTestClient(port, "en").postJson(path, "leader.city",
        "{\"message\":\"" + "催".repeat(1001) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("at most 1000 characters");
    assertThat(http.postJson(path, "leader.city", "{not json").statusCode()).isEqualTo(400);

    // the case history has both urges; the reviewers got a mail for each, the task is untouched
    assertThat(escalations.findByCaseRefOrderById("R-URGE-1")).extracting(Escalation::getActor, Escalation::getMessage)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("leader.market", "请今天办结"),
            org.assertj.core.groups.Tuple.tuple("leader.city", null));
    assertThat(outbox.findByCaseRefOrderByCreatedAt("R-URGE-1")).filteredOn(n -> n.getKind() == MailKind.URGE)
        .extracting(Notification::getRecipientUser).containsExactly("reviewer.market", "reviewer.market");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void aLeaderSupervisesACaseOnAFollowUpList() throws Exception {
    String caseRef = ecologyCaseOfApplicantA();
    String path = "/api/cases/" + caseRef + "/supervision";
    assertThat(http.postJson(path, "leader.city", "{\"note\":\"每周跟进\"}").statusCode()).isEqualTo(201);
    assertThat(http.postJson(path, "leader.city", "{\"note\":\"again\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> list = http.get("/api/supervision", "leader.city", "application/json");
    assertThat(list.body()).contains(caseRef).contains("每周跟进").doesNotContain("again");
    assertThat(http.get("/api/supervision", "leader.market", "application/json").body()).doesNotContain(caseRef);
    assertThat(http.postJson(path, "leader.ecology", "{}").statusCode()).as("the deciding department's leader")
        .isEqualTo(201);
    assertThat(http.postJson(path, "leader.tax", "{}").statusCode())
        .as("a department not concerned in the case: as if there were none").isEqualTo(404);
    assertThat(http.get("/api/supervision", "leader.tax", "application/json").body()).doesNotContain(caseRef);

    assertThat(http.postJson("/api/cases/R-NOPE/supervision", "leader.city", "{}").statusCode()).isEqualTo(404);
    assertThat(http.postJson(path, "reviewer.market", "{}").statusCode()).isEqualTo(403);
    assertThat(http.delete(path, "leader.city").statusCode()).isEqualTo(204);
    assertThat(http.delete(path, "leader.city").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/supervision", "leader.city", "application/json").body()).doesNotContain(caseRef);
  }

  @Test
  void theApplicantSeesOverTheApiWhatThePortalShowsWithoutTheLeadersUrges() throws Exception {
    String caseRef = ecologyCaseOfApplicantA();
    RepairRequest request = requests.findByCaseRef(caseRef).orElseThrow();
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    Task accept = taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey("AcceptRequest")
        .singleResult();
    assertThat(http.postJson("/api/tasks/" + accept.getId() + "/urge", "leader.ecology",
        "{\"message\":\"内部催办：今日办结\"}").statusCode()).isEqualTo(201);
    String staff = http.get("/api/repair-requests/" + request.getId(), "reviewer.ecology", "application/json").body();
    assertThat(staff).contains("内部催办：今日办结").contains("leader.ecology");
    String applicant = http.get("/api/repair-requests/" + request.getId(), "applicant.a", "application/json").body();
    assertThat(applicant).contains(caseRef).doesNotContain("内部催办").doesNotContain("leader.ecology");
  }

  private String ecologyCaseOfApplicantA() {
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("ecology"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济环罚字〔2026〕S" + System.nanoTime() % 100000 + "号",
        "超标排放", "罚款", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()), "test").getId());
    return repairs.file("applicant.a", recordId, "已整改").getCaseRef();
  }
}
