package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every page checks who is asking: an applicant never opens another entity's case, a reviewer
 * never acts on another department's task, a form without its CSRF token is refused; and refusals
 * and bad input get a page that says what is wrong.
 */
@RunningAppTest
@Tag("database") // also on MySQL/MariaDB in CI: the work items, files (longblob) and pages there
class WebAccessTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired RepairRequestRepository requests;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;

  RepairRequest request;
  String acceptTask;

  @BeforeEach
  void aCaseOfApplicantAWaitingForEcology() {
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("ecology"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济环罚字〔2026〕W" + System.nanoTime() % 100000 + "号",
        "超标排放", "罚款", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()), "test").getId());
    request = repairs.file("applicant.a", recordId, "已整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    acceptTask = taskOf(request.getCaseRef()).getId();
  }

  @Test
  void anApplicantCannotOpenAnotherEntitysCase() throws Exception {
    HttpTestClient other = new HttpTestClient(port);
    other.signIn("applicant.b");
    HttpResponse<String> page = other.get("/portal/repairs/" + request.getId(), null, "text/html");
    assertThat(page.statusCode()).as("another entity's case: as if there were none").isEqualTo(404);
    assertThat(page.body()).contains("页面不存在").doesNotContain(request.getCaseRef());
    assertThat(other.get("/portal/repairs/" + request.getId() + "/commitment", null, "text/html").statusCode())
        .isEqualTo(404);
    HttpResponse<String> byRef = other.get("/portal/cases/" + request.getCaseRef(), null, "text/html");
    assertThat(byRef.statusCode()).as("the case reference reveals nothing either").isEqualTo(404);
    assertThat(byRef.headers().firstValue("Location")).isEmpty();
    assertThat(other.get("/cases/" + request.getCaseRef(), null, "text/html").statusCode())
        .as("the staff case page is not for applicants").isEqualTo(403);
    assertThat(other.get("/repair-requests/" + request.getId() + "/letter", null, "text/html").statusCode())
        .isEqualTo(404);

    HttpTestClient own = new HttpTestClient(port);
    own.signIn("applicant.a");
    assertThat(own.get("/portal/repairs/" + request.getId(), null, "text/html").body()).contains(request.getCaseRef());
  }

  @Test
  void aReviewerCannotOpenOrClaimAnotherDepartmentsTask() throws Exception {
    HttpTestClient tax = new HttpTestClient(port);
    tax.signIn("reviewer.tax");
    assertThat(tax.get("/tasks/" + acceptTask, null, "text/html").statusCode())
        .as("another department's task: as if there were none").isEqualTo(404);
    assertThat(tax.postForm("/tasks", "/tasks/" + acceptTask + "/claim").statusCode()).isEqualTo(404);
    assertThat(tax.postForm("/tasks", "/tasks/" + acceptTask + "/complete", "acceptOutcome", "accept").statusCode())
        .isEqualTo(404);
    assertThat(tax.get("/tasks?queue=DEPARTMENT&party=" + request.getEntity().getUscc(), null, "text/html").body())
        .doesNotContain(request.getCaseRef());
    assertThat(tax.get("/cases/" + request.getCaseRef(), null, "text/html").statusCode()).isEqualTo(404);
    Task task = taskService.createTaskQuery().taskId(acceptTask).singleResult();
    assertThat(task.getAssignee()).as("nothing changed").isNull();

    HttpTestClient ecology = new HttpTestClient(port);
    ecology.signIn("reviewer.ecology");
    assertThat(ecology.get("/tasks?queue=DEPARTMENT&party=" + request.getEntity().getUscc(), null, "text/html").body())
        .contains(request.getCaseRef());
    assertThat(ecology.get("/tasks/" + acceptTask, null, "text/html").statusCode()).isEqualTo(200);
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
    HttpTestClient ecology = new HttpTestClient(port);
    ecology.signIn("reviewer.ecology");
    assertThat(ecology.postRaw("/tasks/" + acceptTask + "/claim").statusCode()).isEqualTo(403);
    assertThat(ecology.postRaw("/tasks/" + acceptTask + "/complete", "acceptOutcome", "accept").statusCode())
        .isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(acceptTask).singleResult().getAssignee()).isNull();

    HttpTestClient applicant = new HttpTestClient(port);
    applicant.signIn("applicant.a");
    assertThat(applicant.postRaw("/portal/repairs/" + request.getId() + "/withdraw").statusCode()).isEqualTo(403);
    assertThat(requests.findById(request.getId()).orElseThrow().getState().isOpen()).isTrue();

    // with the token, the same claim goes through
    assertThat(ecology.postForm("/tasks/" + acceptTask, "/tasks/" + acceptTask + "/claim").statusCode()).isEqualTo(302);
    assertThat(taskService.createTaskQuery().taskId(acceptTask).singleResult().getAssignee()).isEqualTo("reviewer.ecology");
    String party = "&party=" + request.getEntity().getUscc();
    assertThat(ecology.get("/tasks?queue=MINE" + party, null, "text/html").body()).contains(request.getCaseRef());
    assertThat(ecology.get("/tasks?queue=DEPARTMENT" + party, null, "text/html").body()).doesNotContain(request.getCaseRef());

    // handed back, it is the department's again
    assertThat(ecology.postForm("/tasks/" + acceptTask, "/tasks/" + acceptTask + "/unclaim").statusCode()).isEqualTo(302);
    assertThat(ecology.get("/tasks?queue=MINE" + party, null, "text/html").body()).doesNotContain(request.getCaseRef());
    assertThat(ecology.get("/tasks?queue=DEPARTMENT" + party, null, "text/html").body()).contains(request.getCaseRef());
  }

  @Test
  void badInputComesBackWithEveryMessageAndTheInputKept() throws Exception {
    HttpTestClient ecology = new HttpTestClient(port);
    ecology.signIn("reviewer.ecology");
    HttpResponse<String> refused = ecology.postForm("/tasks/" + acceptTask, "/tasks/" + acceptTask + "/complete",
        "acceptOutcome", "refuse", "missingMaterials", "营业执照复印件");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("field-refusalReasons").contains("必填").contains("营业执照复印件");
    assertThat(taskService.createTaskQuery().taskId(acceptTask).count()).as("nothing was completed").isEqualTo(1);
  }

  @Test
  void aRefusedNoteComesBackOnTheCasePageWithTheMessageBesideItAndTheTextKept() throws Exception {
    HttpTestClient ecology = new HttpTestClient(port);
    ecology.signIn("reviewer.ecology");
    String page = "/cases/" + request.getCaseRef();
    HttpResponse<String> empty = ecology.postForm(page, page + "/comments", "body", "   ");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("id=\"field-body\"").contains("请填写1至2000字").contains("暂无意见")
        .doesNotContain("不会丢失");
    String tooLong = "意见".repeat(1001);
    HttpResponse<String> kept = ecology.postForm(page, page + "/comments", "body", tooLong);
    assertThat(kept.statusCode()).isEqualTo(422);
    assertThat(kept.body()).contains(">" + tooLong + "</textarea>").contains("请填写1至2000字").contains("暂无意见");
    assertThat(ecology.postForm(page, page + "/comments", "body", "请税务部门协助核实").statusCode()).isEqualTo(302);
    assertThat(ecology.get(page, null, "text/html").body()).contains("请税务部门协助核实").doesNotContain("暂无意见");
  }

  @Test
  void aFileTooLargeOrOfAForbiddenKindGetsAClearMessage() throws Exception {
    RepairForm repair = repairFormOfANewRecord();
    HttpTestClient applicant = repair.applicant();
    String form = repair.path();
    HttpResponse<String> tooLarge = applicant.postMultipart(form, form, "扫描件.pdf", pdf(11 * 1024 * 1024), "proof", "已整改");
    assertThat(tooLarge.statusCode()).isEqualTo(422);
    assertThat(tooLarge.body()).contains("扫描件.pdf 超过10MB").contains("已整改");
    HttpResponse<String> exe = applicant.postMultipart(form, form, "tool.exe", new byte[] {'M', 'Z'}, "proof", "已整改");
    assertThat(exe.statusCode()).isEqualTo(422);
    assertThat(exe.body()).contains("tool.exe 的文件类型不允许");
    assertThat(requests.findAll()).as("nothing was filed").noneMatch(r -> r.getRecord().getId().equals(repair.recordId()));
  }

  /** A body the server cannot read is answered for what it is, before Spring Security looks in it for the CSRF token. */
  @Test
  void anUploadTheServerCannotReadGetsAnAnswerThatSaysWhy() throws Exception {
    RepairForm repair = repairFormOfANewRecord();
    HttpTestClient applicant = repair.applicant();
    String form = repair.path();

    // larger than the server reads at all (20 MB a file, 60 MB a request): too large with the limit, not 无权访问
    HttpResponse<String> large = applicant.postMultipart(form, form, "扫描件.pdf", pdf(25 * 1024 * 1024), "proof", "已整改");
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(large.body()).contains("文件过大（上限 10 MB）").doesNotContain("无权访问");
    HttpResponse<String> huge = applicant.postMultipart(form, form, "扫描件.pdf", pdf(70 * 1024 * 1024), "proof", "已整改");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).contains("文件过大（上限 10 MB）");
    applicant.get("/?lang=en", null, "text/html");
    assertThat(applicant.postMultipart(form, form, "scan.pdf", pdf(25 * 1024 * 1024), "proof", "done").body())
        .contains("file too large (limit 10 MB)");
    applicant.get("/?lang=zh_CN", null, "text/html");

    // a file name the server will not read (NUL in it), and a body cut short
    HttpResponse<String> nul = applicant.postMultipart(form, form, "扫描件\u0000.pdf", pdf(100), "proof", "已整改");
    assertThat(nul.statusCode()).isEqualTo(422);
    assertThat(nul.body()).contains("文件名含有不允许的字符");
    HttpResponse<String> broken = applicant.send(form, null, r -> r.header("Accept", "text/html")
        .header("Content-Type", "multipart/form-data; boundary=XYZ")
        .POST(HttpRequest.BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; name=\"proof\"\r\n\r\n已整")));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("上传的内容不完整或格式不对");

    // the API says the same as problem details that name the field
    String withNul = "--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\u0000.pdf\"\r\n\r\n%PDF\r\n--B--\r\n";
    HttpResponse<String> api = applicant.send("/api/repair-requests", "applicant.a", r -> r
        .header("Content-Type", "multipart/form-data; boundary=B").POST(HttpRequest.BodyPublishers.ofString(withNul)));
    assertThat(api.statusCode()).isEqualTo(422);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(api.body()).contains("\"field\":\"files\"");
    // an API client that asks for English (this one's cookie says Chinese, and the cookie comes first)
    HttpResponse<String> apiLarge = new HttpTestClient(port, "en").send("/api/repair-requests", "applicant.a", r -> r
        .header("Content-Type", "multipart/form-data; boundary=B").POST(HttpRequest.BodyPublishers.ofByteArray(
            ("--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n" + "x".repeat(25 * 1024 * 1024)
                + "\r\n--B--\r\n").getBytes(StandardCharsets.UTF_8))));
    assertThat(apiLarge.statusCode()).isEqualTo(413);
    assertThat(apiLarge.body()).contains("file too large (limit 10 MB)").contains("\"field\":\"files\"");
    assertThat(requests.findAll()).as("nothing was filed").noneMatch(r -> r.getRecord().getId().equals(repair.recordId()));
  }

  /** The repair form of a new minor record of applicant.a's, and applicant.a signed in. */
  private RepairForm repairFormOfANewRecord() throws Exception {
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("tax"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.MINOR, "济税罚〔2026〕U" + System.nanoTime() % 100000 + "号",
        "逾期申报", "罚款", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10), null, Set.of())
        // a minor record is published only when marked necessary (令 36 art. 12); this one must be, to be repaired
        .necessaryToPublish("多次逾期申报"), "test").getId());
    HttpTestClient applicant = new HttpTestClient(port);
    applicant.signIn("applicant.a");
    return new RepairForm(applicant, "/portal/records/" + recordId + "/repair", recordId);
  }

  private record RepairForm(HttpTestClient applicant, String path, Long recordId) {}

  private static byte[] pdf(int size) {
    byte[] pdf = new byte[size];
    System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 8);
    return pdf;
  }

  @Test
  void friendlyErrorPagesInBothLanguages() throws Exception {
    HttpTestClient reviewer = new HttpTestClient(port);
    reviewer.signIn("reviewer.ecology");
    HttpResponse<String> missing = reviewer.get("/tasks/no-such-task", null, "text/html");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("页面不存在").contains("返回首页");
    HttpResponse<String> english = reviewer.get("/no-such-page?lang=en", null, "text/html");
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.body()).contains("Page not found");
    assertThat(reviewer.get("/tasks?queue=DONE&overdue=false&lang=zh_CN", null, "text/html").body())
        .as("the language switch keeps the page and its filters")
        .contains("href=\"/tasks?queue=DONE&amp;overdue=false&amp;lang=en\"");
    HttpResponse<String> forbidden = reviewer.get("/portal?lang=en", null, "text/html");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("<html");
  }

  private Task taskOf(String caseRef) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey("AcceptRequest")
        .singleResult();
  }
}
