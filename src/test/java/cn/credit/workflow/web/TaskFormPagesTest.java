package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task forms where people pick: dates with a date picker, the assisting department from a list
 * of departments by name, and the confirmation of lifting showing the record's member departments.
 * The server still checks what comes back.
 */
@RunningAppTest
class TaskFormPagesTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired DisputeService disputes;
  @Autowired InboxService inbox;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;

  private TestRecords records() {
    return new TestRecords(tx, users, departments, recordService);
  }

  @Test
  void theDisputeVerificationPicksDatesAndADepartmentByName() throws Exception {
    Long recordId = records().publish("applicant.a", "济环罚〔2026〕F" + System.nanoTime() % 1_000_000 + "号",
        "ecology", Severity.GENERAL, 400);
    Dispute dispute = disputes.file("applicant.a", recordId, "WRONG_CONTENT", "罚款金额应为二万元", null);
    disputes.sign(dispute.getId(), "applicant.a", "王明德", true);
    inbox.complete(task(dispute.getCaseRef(), "TriageDispute"), "reviewer.credit-office",
        new HashMap<>(Map.of("triageOutcome", "forward")));
    String verify = task(dispute.getCaseRef(), "VerifyDispute");

    HttpTestClient reviewer = new HttpTestClient(port);
    reviewer.signIn("reviewer.ecology");
    String page = "/tasks/" + verify;
    Document form = Jsoup.parse(reviewer.get(page, null, "text/html").body());
    assertThat(form.select("input[type=date][name=correctedDecisionDate]")).hasSize(1);
    assertThat(form.select("input[type=date][name=correctedTermEndDate]")).hasSize(1);
    assertThat(form.select("input[name=assistDepartment]")).as("no code typed").isEmpty();
    assertThat(form.select("select[name=assistDepartment] option[value=market]").text()).isEqualTo("市市场监督管理局");
    assertThat(Jsoup.parse(reviewer.get(page + "?lang=en", null, "text/html").body())
        .select("select[name=assistDepartment] option[value=market]").text()).isEqualTo("Market Regulation Bureau");

    // the server still checks: a department that does not exist, a date that is none
    HttpResponse<String> unknown = reviewer.postForm(page, page + "/complete", "outcome", "assist", "reasons", "需协助",
        "assistDepartment", "nowhere");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(unknown.body()).select("#field-assistDepartment .message").text()).isNotBlank();
    HttpResponse<String> noDate = reviewer.postForm(page, page + "/complete", "outcome", "correct", "reasons", "录入错误",
        "correctedDecisionDate", "2025-13-01");
    assertThat(noDate.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(noDate.body()).select("#field-correctedDecisionDate .message").text()).isNotBlank();
    assertThat(reviewer.postForm(page, page + "/complete", "outcome", "assist", "reasons", "需市场监管局核对",
        "assistDepartment", "market").statusCode()).isEqualTo(302);
  }

  @Test
  void theConfirmationOfLiftingShowsTheMembersWhoseMeasuresAreLifted() throws Exception {
    Long recordId = records().publish("applicant.a", "济环罚〔2026〕M" + System.nanoTime() % 1_000_000 + "号",
        "ecology", Severity.SERIOUS, 400, "tax", "housing");
    RepairRequest request = repairs.file("applicant.a", recordId, "已缴清罚款，完成整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    inbox.complete(task(request.getCaseRef(), "AcceptRequest"), "reviewer.ecology",
        new HashMap<>(Map.of("acceptOutcome", "accept")));
    inbox.complete(task(request.getCaseRef(), "VerifyAndDecide"), "reviewer.ecology",
        new HashMap<>(Map.of("decision", "grant", "decisionReasons", "整改到位")));
    inbox.complete(task(request.getCaseRef(), "LeaderSignOff"), "leader.ecology",
        new HashMap<>(Map.of("signOffApproved", "true")));
    String confirm = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(request.getCaseRef()).taskDefinitionKey("ConfirmLifting").taskCandidateGroup("tax")
        .list().stream().map(Task::getId).findFirst().orElse(null), id -> id != null);

    HttpTestClient reviewer = new HttpTestClient(port);
    reviewer.signIn("reviewer.tax");
    String page = "/tasks/" + confirm;
    Document form = Jsoup.parse(reviewer.get(page, null, "text/html").body());
    assertThat(form.select("#measuresToLift li").eachText()).containsExactlyInAnyOrder("市税务局", "市住房和城乡建设局");
    assertThat(form.select("input[type=checkbox][name=liftedMeasures]")).hasSize(1);
    assertThat(form.select("textarea[name=liftedMeasures]")).as("no free-text box for the measures").isEmpty();
    HttpResponse<String> unticked = reviewer.postForm(page, page + "/complete", "liftingNote", "已恢复纳税信用评价");
    assertThat(unticked.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(unticked.body()).select("#field-liftedMeasures .message").text()).isEqualTo("必填");
    assertThat(reviewer.postForm(page, page + "/complete", "liftedMeasures", "true", "liftingNote", "已恢复纳税信用评价")
        .statusCode()).isEqualTo(302);
  }

  private String task(String caseRef, String step) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseRef).taskDefinitionKey(step).list().stream().map(Task::getId).findFirst()
        .orElse(null), id -> id != null);
  }

}
