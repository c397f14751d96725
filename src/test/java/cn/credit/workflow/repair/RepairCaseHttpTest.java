package cn.credit.workflow.repair;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.notification.MailKind;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.process.identity.EngineIdentitySync;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.AppUserRepository;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One whole repair case through the HTTP API, as the applicant, the department's reviewer, its leader
 * and the member departments, with the public page looked at before and after.
 */
@RunningAppTest
@Tag("database") // run again on MySQL/MariaDB by CI: row locks and optimistic locking differ from H2
class RepairCaseHttpTest {

  static final String USCC = "91370100MA3C4K5N0R"; // applicant.a's company
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;
  @Autowired NotificationRepository mails;
  @Autowired Users staff;
  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void aSeriousRecordIsRepairedThroughTheApiAndLeavesThePublicList() throws Exception {
    String number = "鲁环罚〔" + System.nanoTime() + "〕号";
    Long recordId = seriousRecord(number, "ecology", "tax", "market");

    // before: published on the public page
    String before = http.get("/public/entities/" + USCC, null, "text/html").body();
    assertThat(section(before, "published")).contains(number);
    assertThat(section(before, "stopped")).doesNotContain(number);

    // the applicant sees its records, with the fields the portal needs
    JsonNode records = json(http.get("/api/records?uscc=" + USCC, "applicant.a", "application/json"), 200);
    JsonNode mine = find(records, r -> r.get("id").asLong() == recordId);
    assertThat(mine.get("uscc").asText()).isEqualTo(USCC);
    assertThat(mine.get("severity").asText()).isEqualTo("SERIOUS");
    assertThat(mine.get("state").asText()).isEqualTo("PUBLISHED");
    assertThat(mine.get("department").asText()).isEqualTo("ecology");
    assertThat(mine.get("earliestRepairDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(http.get("/api/records?uscc=" + USCC, "applicant.b", "application/json").statusCode())
        .as("another entity: as if there were none").isEqualTo(404);

    // bad input is refused with what is wrong, and nothing is started
    HttpResponse<String> refused = http.postJson("/api/repair-requests", "applicant.a", "{\"proof\":\"x\"}");
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode incomplete = json(refused, 422);
    assertThat(incomplete.get("errors").toString()).contains("recordId");
    assertThat(incomplete.get("title").asText()).isEqualTo("Unprocessable Entity");
    assertThat(incomplete.get("detail").asText()).isEqualTo(incomplete.get("message").asText()).isNotBlank();
    assertThat(incomplete.get("fields").get(0).get("field").asText()).isEqualTo("recordId");
    // a value of the wrong type names its field; a fraction is not cut down to another record's id
    JsonNode mistyped = json(new HttpTestClient(port, "en").postJson("/api/repair-requests", "applicant.a",
        "{\"recordId\":\"abc\"}"), 400);
    assertThat(mistyped.get("detail").asText()).isEqualTo("recordId must be a whole number");
    assertThat(mistyped.get("fields").get(0).get("field").asText()).isEqualTo("recordId");
    JsonNode fraction = json(http.postJson("/api/repair-requests", "applicant.a", "{\"recordId\":" + recordId + ".5}"), 400);
    assertThat(fraction.get("fields").get(0).get("field").asText()).isEqualTo("recordId");
    assertThat(http.postJson("/api/repair-requests", "applicant.a", "{not json").statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/repair-requests", "applicant.b", "{\"recordId\":" + recordId + "}").statusCode())
        .as("another entity's record: as if there were none").isEqualTo(404);
    assertThat(http.postJson("/api/repair-requests", "applicant.a", "{\"recordId\":99999999}").statusCode())
        .isEqualTo(404);

    // the applicant files and signs
    JsonNode filed = json(http.postJson("/api/repair-requests", "applicant.a",
        "{\"recordId\":" + recordId + ",\"proof\":\"已缴清罚款，完成整改，附信用报告和培训证明\"}"), 201);
    long id = filed.get("id").asLong();
    assertThat(filed.get("state").asText()).isEqualTo("AWAITING_SIGNATURE");
    assertThat(filed.get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(http.get("/api/repair-requests/" + id, "applicant.b", "application/json").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/repair-requests/" + id, "reviewer.hrss", "application/json").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/repair-requests/99999999", "applicant.a", "application/json").statusCode()).isEqualTo(404);

    JsonNode toSign = json(http.get("/api/repair-requests/" + id + "/commitment", "applicant.a", "application/json"), 200);
    assertThat(toSign.get("text").asText()).contains(number);
    JsonNode unsigned = json(http.postJson("/api/repair-requests/" + id + "/commitment", "applicant.a",
        "{\"signatoryName\":\"\",\"accepted\":false}"), 422);
    assertThat(unsigned.get("errors").toString()).contains("signatoryName").contains("accepted");
    JsonNode signed = json(http.postJson("/api/repair-requests/" + id + "/commitment", "applicant.a",
        "{\"signatoryName\":\"王建明\",\"accepted\":true}"), 201);
    assertThat(signed.get("sha256").asText()).hasSize(64);

    // the department reviewer accepts and decides; another department may not
    String accept = taskOf("reviewer.ecology", id, "AcceptRequest");
    assertThat(http.postJson("/api/tasks/" + accept + "/complete", "reviewer.tax", "{\"acceptOutcome\":\"accept\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.postJson("/api/tasks/" + accept + "/claim", "reviewer.tax", "{}").statusCode()).isEqualTo(404);
    assertThat(http.postJson("/api/tasks/nope/claim", "reviewer.ecology", "{}").statusCode()).isEqualTo(404);
    assertThat(json(http.postJson("/api/tasks/" + accept + "/claim", "reviewer.ecology", "{}"), 200)
        .get("assignee").asText()).isEqualTo("reviewer.ecology");
    JsonNode invalid = json(http.postJson("/api/tasks/" + accept + "/complete", "reviewer.ecology",
        "{\"acceptOutcome\":\"maybe\"}"), 422);
    assertThat(invalid.get("errors").toString()).contains("acceptOutcome");
    json(http.postJson("/api/tasks/" + accept + "/complete", "reviewer.ecology", "{\"acceptOutcome\":\"accept\"}"), 200);

    String decide = taskOf("reviewer.ecology", id, "VerifyAndDecide");
    JsonNode noReasons = json(http.postJson("/api/tasks/" + decide + "/complete", "reviewer.ecology",
        "{\"decision\":\"refuse\"}"), 422);
    assertThat(noReasons.get("errors").toString()).contains("decisionReasons");
    json(http.postJson("/api/tasks/" + decide + "/complete", "reviewer.ecology",
        "{\"decision\":\"grant\",\"decisionReasons\":\"整改到位，信用报告无新增失信\"}"), 200);

    // a serious record: the department leader signs off
    assertThat(taskIdsOf("reviewer.ecology", id)).as("the reviewer does not sign off").isEmpty();
    String signOff = taskOf("leader.ecology", id, "LeaderSignOff");
    String caseRef = json(http.get("/api/repair-requests/" + id, "applicant.a", "application/json"), 200)
        .get("caseRef").asText();
    assertThat(arrivedMailsOf(caseRef, signOff)).as("the sign-off is mailed to the department's leaders, not its reviewers")
        .contains("leader.ecology").doesNotContain("reviewer.ecology").isEqualTo(people("ecology", Role.LEADER));
    assertThat(arrivedMailsOf(caseRef, accept)).contains("reviewer.ecology").doesNotContain("leader.ecology")
        .isEqualTo(people("ecology", Role.REVIEWER));
    HttpTestClient leader = HttpTestClient.signedIn(port, "leader.ecology");
    assertThat(leader.get("/tasks?queue=DEPARTMENT", null, "text/html").body())
        .as("the sign-off waits in the leaders' queue").contains(caseRef).contains("领导签批");
    if (taskService.createTaskQuery().taskAssignee("leader.ecology").count() == 0) {
      // with nothing of their own (another test may have transferred them a step), they land on it
      assertThat(leader.get("/tasks", null, "text/html").body())
          .as("the leader lands on the sign-off waiting for them").contains(caseRef).contains("领导签批");
    }
    json(http.postJson("/api/tasks/" + signOff + "/complete", "leader.ecology", "{\"signOffApproved\":\"true\"}"), 200);

    // the record left the public list at once; the members lift their measures
    String during = http.get("/public/entities/" + USCC, null, "text/html").body();
    assertThat(section(during, "published")).doesNotContain(number);
    assertThat(section(during, "stopped")).contains(number);
    for (String member : List.of("tax", "market")) {
      String confirm = taskOf("reviewer." + member, id, "ConfirmLifting");
      assertThat(arrivedMailsOf(caseRef, confirm)).contains("reviewer." + member)
          .isEqualTo(people(member, Role.REVIEWER));
      json(http.postJson("/api/tasks/" + confirm + "/complete", "reviewer." + member,
          "{\"liftedMeasures\":\"true\",\"liftingNote\":\"已解除联合惩戒措施\"}"), 200);
    }

    JsonNode done = http.awaitJson("/api/repair-requests/" + id, "applicant.a",
        r -> r.get("state").asText().equals("COMPLETED"));
    // the timeline: every task with who and when, and the app's own events
    List<String> tasks = StreamSupport.stream(done.get("timeline").spliterator(), false)
        .filter(step -> step.get("kind").asText().equals("task"))
        .map(step -> step.get("what").asText().split(" ")[0] + "/" + step.get("actor").asText()).toList();
    // the applicant reads who acted as departments, never a staff member's user name
    assertThat(tasks).as(done.get("timeline").toPrettyString()).contains("阅读并签署信用承诺书/申请人")
        .contains("受理审查/市生态环境局", "核查并作出决定/市生态环境局", "领导签批/市生态环境局",
            "确认解除联合惩戒/市税务局", "确认解除联合惩戒/市市场监督管理局");
    assertThat(done.get("timeline").findValues("at")).allSatisfy(at -> assertThat(at.asText()).isNotBlank());
    String code = done.get("letterCode").asText();
    assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");

    // after: the public page shows it stopped, and the signed commitment with the signatory masked
    String after = http.get("/public/entities/" + USCC, null, "text/html").body();
    assertThat(section(after, "published")).doesNotContain(number);
    assertThat(section(after, "stopped")).contains(number).contains("信用修复");
    assertThat(after).contains(done.get("caseRef").asText()).contains("王**").doesNotContain("王建明");

    // the letter prints for the applicant, not for another entity, and anyone can verify its code
    HttpResponse<String> letter = HttpTestClient.signedIn(port, "applicant.a").get("/repair-requests/" + id + "/letter", null, "text/html");
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.body()).contains("信用修复决定书").contains(code).contains(number);
    assertThat(HttpTestClient.signedIn(port, "applicant.b").get("/repair-requests/" + id + "/letter", null, "text/html")
        .statusCode()).isEqualTo(404);
    // the same letter as a PDF, for the same people: the applicant and the deciding department's staff
    String pdfPath = "/repair-requests/" + id + "/letter.pdf";
    HttpResponse<String> pdf = HttpTestClient.signedIn(port, "applicant.a").get(pdfPath, null, "application/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
        .contains("filename*=UTF-8''" + URLEncoder.encode("信用修复决定书（" + caseRef + "）.pdf", StandardCharsets.UTF_8));
    assertThat(pdf.body()).startsWith("%PDF-");
    assertThat(HttpTestClient.signedIn(port, "reviewer.ecology").get(pdfPath, null, "application/pdf").statusCode())
        .isEqualTo(200);
    assertThat(HttpTestClient.signedIn(port, "reviewer.ecology").get("/cases/" + caseRef, null, "text/html").body())
        .as("the staff case page links it beside the printable letter").contains("href=\"" + pdfPath + "\"");
    HttpResponse<String> notTheirs = HttpTestClient.signedIn(port, "applicant.b").get(pdfPath, null, "application/pdf");
    assertThat(notTheirs.statusCode()).isEqualTo(404);
    assertThat(notTheirs.body()).doesNotContain("%PDF").doesNotContain(code);
    assertThat(http.get(pdfPath, null, "application/pdf").statusCode()).as("not signed in").isIn(302, 401, 403);
    String verified = http.get("/public/verify?code=" + code.toLowerCase().replace("-", ""), null, "text/html").body();
    assertThat(verified).contains("该文书真实有效").contains(done.get("caseRef").asText()).contains("准予信用修复");
    assertThat(http.get("/public/verify?code=AAAA-BBBB-CCCC", null, "text/html").body()).contains("不存在");
  }

  @Test
  void twoReviewersClaimingTheSameTaskAtOnceOneWinsTheOtherIsToldWhy() throws Exception {
    Long recordId = seriousRecord("鲁税罚〔" + System.nanoTime() + "〕号", "tax");
    long id = json(http.postJson("/api/repair-requests", "applicant.a", "{\"recordId\":" + recordId + ",\"proof\":\"已整改\"}"), 201)
        .get("id").asLong();
    json(http.postJson("/api/repair-requests/" + id + "/commitment", "applicant.a",
        "{\"signatoryName\":\"王建明\",\"accepted\":true}"), 201);
    String accept = taskOf("reviewer.tax", id, "AcceptRequest");
    String secondReviewer = "reviewer2.tax";
    tx.executeWithoutResult(s -> { // a second reviewer in the same department, for this test only
      AppUser first = users.findById("reviewer.tax").orElseThrow();
      identitySync.syncUser(users.save(new AppUser(secondReviewer, first.getPasswordHash(), "税务局经办二",
          "reviewer2.tax@example.cn", first.getRoles(), first.getDepartment(), null)));
    });
    try {
      claimTogether(accept, secondReviewer);
    } finally {
      users.deleteById(secondReviewer);
      identitySync.syncAll();
    }
  }

  private void claimTogether(String accept, String secondReviewer) throws Exception {

    int rounds = 0;
    List<Integer> statuses = new ArrayList<>();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String reviewer : List.of("reviewer.tax", secondReviewer)) {
        answers.add(pool.submit(() -> {
          HttpTestClient own = new HttpTestClient(port, "en"); // the refusal is asserted in English
          together.await();
          return own.postJson("/api/tasks/" + accept + "/claim", reviewer, "{}");
        }));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        statuses.add(response.statusCode());
        if (response.statusCode() == 409) {
          assertThat(response.body()).contains("claimed");
        }
      }
      rounds++;
    } finally {
      pool.shutdownNow();
    }
    assertThat(rounds).isEqualTo(1);
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    Task task = taskService.createTaskQuery().taskId(accept).singleResult();
    assertThat(task.getAssignee()).isIn("reviewer.tax", secondReviewer);
    // the loser still cannot take it or complete it; the winner can
    String loser = task.getAssignee().equals("reviewer.tax") ? secondReviewer : "reviewer.tax";
    assertThat(http.postJson("/api/tasks/" + accept + "/claim", loser, "{}").statusCode()).isEqualTo(409);
    assertThat(http.postJson("/api/tasks/" + accept + "/complete", loser, "{\"acceptOutcome\":\"accept\"}").statusCode())
        .isEqualTo(409);
    json(http.postJson("/api/tasks/" + accept + "/complete", task.getAssignee(), "{\"acceptOutcome\":\"accept\"}"), 200);
  }

  @Test
  void aSignedInBrowserCannotBeMadeToPostToTheApiWithoutItsCsrfToken() throws Exception {
    http.signIn("applicant.a");
    assertThat(http.get("/api/records", null, "application/json").statusCode()).as("reading is fine").isEqualTo(200);
    HttpResponse<String> forged = http.postJson("/api/repair-requests", null, "{\"recordId\":1}");
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() throws Exception {
    JsonNode doc = json(http.get("/v3/api-docs", null, "application/json"), 200);
    assertThat(doc.get("paths").has("/api/repair-requests")).isTrue();
    assertThat(doc.get("paths").has("/api/tasks/{id}/claim")).isTrue();
    assertThat(doc.get("paths").has("/api/records")).isTrue();
    assertThat(http.get("/swagger-ui/index.html", null, "text/html").statusCode()).isEqualTo(200);
  }

  @Autowired EngineIdentitySync identitySync;

  @Test
  void aRecordNotYetRepairableIsRefusedWithTheDateAsAMemberOfTheProblemDetails() throws Exception {
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("tax"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "鲁税罚〔" + System.nanoTime() + "〕号", "逾期申报", "罚款",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10), null, Set.of()), "test").getId());
    HttpResponse<String> early = http.postJson("/api/repair-requests", "applicant.a",
        "{\"recordId\":" + recordId + ",\"proof\":\"已整改\"}");
    assertThat(early.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(early, 422);
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(problem.get("earliestRepairDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(problem.get("errors")).isNotEmpty();
  }

  private Long seriousRecord(String number, String department, String... members) {
    return tx.execute(s -> {
      var entity = users.findById("applicant.a").orElseThrow().getEntity();
      Set<Department> memberSet = Arrays.stream(members).map(departments::getReferenceById)
          .collect(Collectors.toSet());
      return recordService.publish(new RecordFacts(entity, departments.getReferenceById(department),
          RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, number, "超标排放大气污染物", "罚款二十万元",
          LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(400), null, memberSet), "test").getId();
    });
  }

  /** The id of the user's task of this case at this step, waiting for asynchronous steps to get there. */
  private String taskOf(String user, long caseId, String step) {
    JsonNode task = http.awaitTask(user, caseId, step);
    assertThat(task.get("name").asText()).isNotBlank();
    assertThat(task.get("due").isNull()).isFalse();
    assertThat(task.get("department").asText()).isNotBlank();
    return task.get("id").asText();
  }

  /** Who was mailed that this task arrived. */
  private List<String> arrivedMailsOf(String caseRef, String taskId) {
    return mails.findByCaseRefOrderByCreatedAt(caseRef).stream()
        .filter(n -> n.getKind() == MailKind.TASK_ARRIVED && n.getDedupKey().startsWith("task-arrived:" + taskId + "/"))
        .map(Notification::getRecipientUser).sorted().toList();
  }

  private List<String> people(String department, Role role) {
    return staff.findByDepartmentAndRole(department, role).stream().map(AppUser::getUsername).sorted().toList();
  }

  private List<String> taskIdsOf(String user, long caseId) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode t : json(http.get("/api/tasks", user, "application/json"), 200)) {
      if (t.get("caseId").asLong() == caseId) {
        ids.add(t.get("id").asText());
      }
    }
    return ids;
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static JsonNode find(JsonNode array, Predicate<JsonNode> which) {
    for (JsonNode node : array) {
      if (which.test(node)) {
        return node;
      }
    }
    throw new AssertionError("not in " + array);
  }

  /** The HTML of the public page's table with this id, or "" when the page has none. */
  private static String section(String html, String id) {
    Matcher table = Pattern.compile("<table[^>]*id=\"" + id + "\".*?</table>", Pattern.DOTALL).matcher(html);
    return table.find() ? table.group() : "";
  }
}
