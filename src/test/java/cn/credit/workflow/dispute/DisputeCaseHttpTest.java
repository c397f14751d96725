package cn.credit.workflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.TestTexts;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.HistoryAction;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordHistoryEntry;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.user.AppUserRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** A dispute through the HTTP API, with the public page looked at at each stage; and a race with a repair grant. */
@RunningAppTest
class DisputeCaseHttpTest {

  static final String USCC = "91370100MA3C4K5N0R";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DishonestyRecordRepository records;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;
  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void aDisputedRecordIsMarkedThenCorrectedOnThePublicPage() throws Exception {
    String number = "济环罚〔" + System.nanoTime() + "〕号";
    Long recordId = record(number, "ecology", 200);
    assertThat(row(publicPage(), number)).doesNotContain("异议处理中");

    JsonNode bad = json(http.postJson("/api/disputes", "applicant.a", "{\"recordId\":" + recordId + ",\"ground\":\"WHY\"}"), 422);
    assertThat(bad.get("errors").toString()).contains("ground").contains("facts");
    assertThat(http.postJson("/api/disputes", "applicant.b", "{\"recordId\":" + recordId
        + ",\"ground\":\"NOT_OURS\",\"facts\":\"x\"}").statusCode()).as("another entity's record").isEqualTo(404);
    JsonNode filed = json(http.postJson("/api/disputes", "applicant.a", "{\"recordId\":" + recordId
        + ",\"ground\":\"WRONG_CONTENT\",\"facts\":\"罚款金额应为二万元\",\"proof\":\"处罚决定书\"}"), 201);
    long id = filed.get("id").asLong();
    assertThat(filed.get("state").asText()).isEqualTo("AWAITING_SIGNATURE");
    assertThat(filed.get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(filed.get("commitmentText").asText()).contains("异议").contains(number);
    assertThat(row(publicPage(), number)).as("marked at filing").contains("异议处理中").contains("罚款人民币二十万元");
    assertThat(http.get("/api/disputes/" + id, "applicant.b", "application/json").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/disputes/999999", "applicant.a", "application/json").statusCode()).isEqualTo(404);

    json(http.postJson("/api/disputes/" + id + "/commitment", "applicant.a", "{\"signatoryName\":\"王建明\",\"accepted\":true}"), 201);
    String triage = taskOf("reviewer.credit-office", id, "TriageDispute");
    json(http.postJson("/api/tasks/" + triage + "/complete", "reviewer.credit-office", "{\"triageOutcome\":\"forward\"}"), 200);
    String verify = taskOf("reviewer.ecology", id, "VerifyDispute");
    assertThat(http.postJson("/api/tasks/" + verify + "/complete", "reviewer.market", "{\"outcome\":\"keep\",\"reasons\":\"x\"}")
        .statusCode()).isEqualTo(404);
    JsonNode badDate = json(http.postJson("/api/tasks/" + verify + "/complete", "reviewer.ecology",
        "{\"outcome\":\"correct\",\"reasons\":\"录入错误\",\"correctedDecisionDate\":\"2025-13-01\"}"), 422);
    assertThat(badDate.get("errors").toString()).contains("correctedDecisionDate");
    // dates out of range: before the People's Republic, after today in Shanghai, a term a thousand years ahead
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    for (String dates : List.of("\"correctedDecisionDate\":\"0000-01-01\"", "\"correctedDecisionDate\":\"1949-09-30\"",
        "\"correctedDecisionDate\":\"" + tomorrow + "\"", "\"correctedTermEndDate\":\"3026-01-01\"")) {
      JsonNode outOfRange = json(http.postJson("/api/tasks/" + verify + "/complete", "reviewer.ecology",
          "{\"outcome\":\"correct\",\"reasons\":\"录入错误\"," + dates + "}"), 422);
      assertThat(outOfRange.get("fields").get(0).get("field").asText()).as(dates)
          .isEqualTo(dates.substring(1, dates.indexOf("\":")));
    }
    assertThat(row(publicPage(), number)).as("nothing half-done").contains("罚款人民币二十万元").contains("异议处理中");
    json(http.postJson("/api/tasks/" + verify + "/complete", "reviewer.ecology",
        "{\"outcome\":\"correct\",\"reasons\":\"罚款金额录入错误\",\"correctedContent\":\"罚款人民币二万元\"}"), 200);

    String after = row(publicPage(), number);
    assertThat(after).doesNotContain("异议处理中").contains("罚款人民币二万元")
        .contains("内容由“罚款人民币二十万元”更正为“罚款人民币二万元”");
    JsonNode done = json(http.get("/api/disputes/" + id, "applicant.a", "application/json"), 200);
    assertThat(done.get("state").asText()).isEqualTo("REPLIED");
    assertThat(done.get("outcome").asText()).isEqualTo("CORRECTED");
    assertThat(done.get("timeline").toString()).as("the applicant reads departments, not staff user names")
        .contains("市社会信用体系建设办公室").contains("市生态环境局").contains("REPLIED")
        .doesNotContain("reviewer.credit-office").doesNotContain("reviewer.ecology");
    String code = done.get("letterCode").asText();
    assertThat(HttpTestClient.signedIn(port, "applicant.a").get("/disputes/" + id + "/reply", null, "text/html").body()).contains("信用信息异议答复书")
        .contains(code);
    assertThat(http.get("/public/verify?code=" + code, null, "text/html").body()).contains("该文书真实有效")
        .contains("异议成立");
  }

  @Test
  void aCorrectionRacingARepairGrantLeavesOneStateAndAHistoryThatExplainsIt() throws Exception {
    String number = "济环罚〔" + System.nanoTime() + "〕号";
    Long recordId = record(number, "ecology", 200);
    long repair = json(http.postJson("/api/repair-requests", "applicant.a", "{\"recordId\":" + recordId
        + ",\"proof\":\"已整改\"}"), 201).get("id").asLong();
    json(http.postJson("/api/repair-requests/" + repair + "/commitment", "applicant.a",
        "{\"signatoryName\":\"王建明\",\"accepted\":true}"), 201);
    long dispute = json(http.postJson("/api/disputes", "applicant.a", "{\"recordId\":" + recordId
        + ",\"ground\":\"WRONG_CONTENT\",\"facts\":\"金额有误\"}"), 201).get("id").asLong();
    JsonNode disputeView = json(http.get("/api/disputes/" + dispute, "applicant.a", "application/json"), 200);
    assertThat(disputeView.get("relatedCases").toString()).as("both cases show each other").contains("repair");
    assertThat(json(http.get("/api/repair-requests/" + repair, "applicant.a", "application/json"), 200)
        .get("relatedCases").toString()).contains("dispute");
    json(http.postJson("/api/disputes/" + dispute + "/commitment", "applicant.a", "{\"signatoryName\":\"王建明\",\"accepted\":true}"), 201);
    json(http.postJson("/api/tasks/" + taskOf("reviewer.credit-office", dispute, "TriageDispute") + "/complete",
        "reviewer.credit-office", "{\"triageOutcome\":\"forward\"}"), 200);
    json(http.postJson("/api/tasks/" + taskOf("reviewer.ecology", repair, "AcceptRequest") + "/complete",
        "reviewer.ecology", "{\"acceptOutcome\":\"accept\"}"), 200);

    String grantTask = taskOf("reviewer.ecology", repair, "VerifyAndDecide");
    String correctTask = taskOf("reviewer.ecology", dispute, "VerifyDispute");
    String grant = "{\"decision\":\"grant\"}";
    String correct = "{\"outcome\":\"correct\",\"reasons\":\"金额录入错误\",\"correctedContent\":\"罚款人民币二万元\"}";
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Integer> statuses = new ArrayList<>();
    try {
      Future<HttpResponse<String>> a = pool.submit(() -> {
        together.await();
        return new HttpTestClient(port).postJson("/api/tasks/" + grantTask + "/complete", "reviewer.ecology", grant);
      });
      Future<HttpResponse<String>> b = pool.submit(() -> {
        together.await();
        return new HttpTestClient(port).postJson("/api/tasks/" + correctTask + "/complete", "reviewer.ecology", correct);
      });
      statuses.add(a.get().statusCode());
      statuses.add(b.get().statusCode());
      assertThat(statuses).as(a.get().body() + " / " + b.get().body()).allMatch(s -> s == 200 || s == 409);
      // whoever lost was told 409 and nothing of its step was kept: doing it again succeeds
      if (a.get().statusCode() == 409) {
        json(http.postJson("/api/tasks/" + grantTask + "/complete", "reviewer.ecology", grant), 200);
      }
      if (b.get().statusCode() == 409) {
        json(http.postJson("/api/tasks/" + correctTask + "/complete", "reviewer.ecology", correct), 200);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("Correction racing a repair grant: first answers " + statuses);

    JsonNode replied = http.awaitJson("/api/disputes/" + dispute, "applicant.a",
        v -> v.get("state").asText().equals("REPLIED"));
    assertThat(replied.get("outcome").asText()).isEqualTo("CORRECTED");
    DishonestyRecord record = tx.execute(s -> {
      DishonestyRecord r = records.findById(recordId).orElseThrow();
      r.getHistory().size();
      return r;
    });
    assertThat(record.getState()).as("granted: no longer published, whatever the order").isEqualTo(PublicationState.STOPPED);
    assertThat(record.getContent()).isEqualTo("罚款人民币二万元");
    List<String> story = record.getHistory().stream().map(this::line).toList();
    // published, marked, then the grant and the correction in whichever order they committed: the
    // correction first (its reply took the mark off, then the grant stopped publication) or the grant
    // first (the reply found the record no longer published and left it so)
    List<String> correctionFirst = List.of("PUBLISHED", "STATE_CHANGED PUBLISHED→DISPUTED", "CORRECTED DISPUTED→DISPUTED",
                "STATE_CHANGED DISPUTED→PUBLISHED", "STATE_CHANGED PUBLISHED→STOPPED");
    List<String> grantFirst = List.of("PUBLISHED", "STATE_CHANGED PUBLISHED→DISPUTED",
                "STATE_CHANGED DISPUTED→STOPPED", "CORRECTED STOPPED→STOPPED");
    assertThat(story).as(String.join("\n", story)).isIn(correctionFirst, grantFirst);
  }

  private String line(RecordHistoryEntry h) {
    return h.getAction() + (h.getAction() == HistoryAction.PUBLISHED ? "" : " " + h.getFromState() + "→" + h.getToState());
  }

  @Test
  void aRecordWithADateOutOfRangeIsNotPublished() {
    ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> tx.execute(s -> recordService.publish(
        new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("ecology"),
            RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济环罚〔" + System.nanoTime() + "〕号", "超标排放", "罚款",
            LocalDate.of(0, 1, 1), LocalDate.of(3026, 1, 1), Set.of()), "test")));
    assertThat(TestTexts.zh(refused.errors())).hasSize(2).anySatisfy(e -> assertThat(e).startsWith("decisionDate: 不得早于1949-10-01"))
        .anySatisfy(e -> assertThat(e).startsWith("termEndDate: 不得晚于"));
  }

  private Long record(String number, String department, int daysAgo) {
    return tx.execute(s -> recordService.publish(new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(),
        departments.getReferenceById(department), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, number, "超标排放",
        "罚款人民币二十万元", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(daysAgo), null, Set.of()), "test").getId());
  }

  private String publicPage() throws Exception {
    return http.get("/public/entities/" + USCC, null, "text/html").body();
  }

  /** The public page's table row of this record ("" when it is not on the page). */
  private static String row(String html, String number) {
    Matcher row = Pattern.compile("<tr[^>]*data-record[^>]*>(?:(?!</tr>).)*" + Pattern.quote(number) + ".*?</tr>",
        Pattern.DOTALL).matcher(html);
    return row.find() ? row.group() : "";
  }

  private String taskOf(String user, long caseId, String step) {
    return http.awaitTask(user, caseId, step).get("id").asText();
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
