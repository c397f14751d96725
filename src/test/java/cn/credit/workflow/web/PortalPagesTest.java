package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.dispute.DisputeState;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.user.AppUserRepository;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** The applicant's other paths through the pages: a dispute, a supplement notice answered; notes between departments. */
@RunningAppTest
class PortalPagesTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired RepairRequestRepository requests;
  @Autowired DisputeService disputes;
  @Autowired InboxService inbox;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;
  @Autowired cn.credit.workflow.notification.NotificationRepository outbox;

  @Test
  void anApplicantDisputesARecordFromThePortal() throws Exception {
    Long recordId = record("tax", "济税罚〔2026〕P" + System.nanoTime() % 100000 + "号");
    HttpTestClient applicant = new HttpTestClient(port);
    applicant.signIn("applicant.a");
    String form = "/portal/records/" + recordId + "/dispute";
    assertThat(applicant.get("/portal", null, "text/html").body()).contains("dispute-" + recordId);
    HttpResponse<String> incomplete = applicant.postForm(form, form, "ground", "", "facts", "", "proof", "处罚决定书第二页");
    assertThat(incomplete.statusCode()).isEqualTo(422);
    assertThat(incomplete.body()).contains("field invalid").contains("处罚决定书第二页");
    HttpResponse<String> filed = applicant.postForm(form, form, "ground", "WRONG_CONTENT", "facts", "罚款金额应为五千元",
        "proof", "");
    assertThat(filed.statusCode()).isEqualTo(302);
    String commitment = filed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    assertThat(applicant.get(commitment, null, "text/html").body()).contains("异议申诉信用承诺书");
    HttpResponse<String> unsigned = applicant.postForm(commitment, commitment, "signatoryName", "王明德");
    assertThat(unsigned.statusCode()).isEqualTo(422);
    assertThat(unsigned.body()).contains("须勾选同意承诺书全文才能签署").contains("王明德");
    HttpResponse<String> signed = applicant.postForm(commitment, commitment, "signatoryName", "王明德", "accepted", "true");
    assertThat(signed.statusCode()).isEqualTo(302);
    String casePage = commitment.replace("/commitment", "");
    String body = applicant.get(casePage, null, "text/html").body();
    assertThat(body).contains("信用办转办中").contains("签署信用承诺书").contains("提交申请");
    assertThat(disputes.ofRecord(recordId)).singleElement()
        .satisfies(d -> assertThat(d.getState()).isEqualTo(DisputeState.TRIAGE));
    assertThat(applicant.get(casePage + "?lang=en", null, "text/html").body()).contains("With the credit office");
  }

  /** The lines the application writes to the timeline and to the record's history read in the page's language. */
  @Test
  void theTimelineAndTheRecordHistoryReadInThePagesLanguage() throws Exception {
    Long recordId = record("tax", "济税罚〔2026〕L" + System.nanoTime() % 100000 + "号");
    var dispute = disputes.file("applicant.a", recordId, "WRONG_CONTENT", "罚款金额应为五千元", null);
    HttpTestClient applicant = new HttpTestClient(port);
    applicant.signIn("applicant.a");
    String portalPage = "/portal/disputes/" + dispute.getId();
    assertThat(applicant.get(portalPage, null, "text/html").body()).contains("信息内容错误：失信信息 济税罚");
    assertThat(applicant.get(portalPage + "?lang=en", null, "text/html").body()).contains("The content is wrong: record 济税罚");

    HttpTestClient office = new HttpTestClient(port);
    office.signIn("reviewer.credit-office");
    String casePage = "/cases/" + dispute.getCaseRef();
    assertThat(office.get(casePage, null, "text/html").body()).contains("id=\"record-history\"")
        .contains("异议申请已提交，标注“异议中”").contains("公示中 → 异议处理中");
    assertThat(office.get(casePage + "?lang=en", null, "text/html").body()).contains("dispute filed")
        .contains("The content is wrong: record 济税罚");
  }

  @Test
  void anApplicantAnswersTheSupplementNoticeAndTheDepartmentsWriteNotes() throws Exception {
    Long recordId = record("ecology", "济环罚字〔2026〕S" + System.nanoTime() % 100000 + "号");
    RepairRequest request = repairs.file("applicant.a", recordId, "已整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    String accept = taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef())
        .taskDefinitionKey("AcceptRequest").singleResult().getId();
    inbox.complete(accept, "reviewer.ecology", Map.of("acceptOutcome", "supplement", "missingMaterials", "缴款凭证"));

    HttpTestClient applicant = new HttpTestClient(port);
    applicant.signIn("applicant.a");
    String page = "/portal/repairs/" + request.getId();
    assertThat(outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef()))
        .filteredOn(n -> "applicant.a".equals(n.getRecipientUser())).last()
        .satisfies(mail -> assertThat(mail.getBody()).contains("http://localhost:8080/portal/cases/" + request.getCaseRef()));
    assertThat(outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef()))
        .filteredOn(n -> "reviewer.ecology".equals(n.getRecipientUser())).first()
        .satisfies(mail -> assertThat(mail.getBody()).contains("http://localhost:8080/tasks/"));
    assertThat(applicant.get("/portal/cases/" + request.getCaseRef(), null, "text/html").headers()
        .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page));
    assertThat(applicant.get(page, null, "text/html").body()).contains("supplement-form").contains("缴款凭证");
    HttpResponse<String> empty = applicant.postForm(page, page + "/supplement", "supplementAnswer", " ");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("必填");
    assertThat(applicant.postForm(page, page + "/supplement", "supplementAnswer", "已上传缴款凭证").statusCode())
        .isEqualTo(302);
    assertThat(requests.findById(request.getId()).orElseThrow().getState()).isEqualTo(RepairState.UNDER_ACCEPTANCE);
    assertThat(applicant.get(page, null, "text/html").body()).doesNotContain("supplement-form").contains("提交补正材料");

    HttpTestClient reviewer = new HttpTestClient(port);
    reviewer.signIn("reviewer.ecology");
    String casePage = "/cases/" + request.getCaseRef();
    assertThat(reviewer.postForm(casePage, casePage + "/comments", "body", "请税务局核实缴款凭证").statusCode()).isEqualTo(302);
    HttpResponse<String> staffView = reviewer.get(casePage, null, "text/html");
    assertThat(staffView.body()).contains("请税务局核实缴款凭证").contains("已上传缴款凭证").contains("缴款凭证");
    assertThat(reviewer.get(casePage + "/diagram", null, "application/json").body()).contains("\"current\":[\"AcceptRequest\"]");
    assertThat(applicant.get(page, null, "text/html").body()).as("notes stay between the departments")
        .doesNotContain("请税务局核实缴款凭证");
    assertThat(nextTask(reviewer.get("/tasks?queue=DEPARTMENT&process=creditRepair&step=AcceptRequest&party="
        + request.getEntity().getUscc(), null, "text/html").body())).isNotNull();
  }

  private static String nextTask(String html) {
    Matcher task = Pattern.compile("href=\"/tasks/([^\"?]+)\"").matcher(html);
    return task.find() ? task.group(1) : null;
  }

  private Long record(String department, String number) {
    return tx.execute(s -> recordService.publish(new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(),
        departments.getReferenceById(department), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, number,
        "逾期申报", "罚款一万元", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()), "test").getId());
  }
}
