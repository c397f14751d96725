package cn.credit.workflow.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A revoked decision reported through the API with the judgment and withdrawn by the department
 * through the task API, the public page looked at before and after; the amendment page's access
 * and its refusals.
 */
@RunningAppTest
@Tag("database")
class RevocationHttpTest {

  static final String USCC = "91370100MA3C4K5N0R";
  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] JUDGMENT = "%PDF-1.4\n行政判决书\n%%EOF".getBytes(StandardCharsets.UTF_8);

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;
  HttpTestClient http;
  LocalDate today;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void aReportedRevocationIsWithdrawnByTheDepartmentAndTheRecordLeavesThePublicPage() throws Exception {
    String number = "济环罚〔" + System.nanoTime() + "〕号";
    Long recordId = record(number);
    assertThat(publicPage()).as("published before").contains(number);

    JsonNode bad = json(report("applicant.a", null, "recordId", recordId.toString(), "changeKind", "ANNULLED",
        "documentDate", "yesterday"), 422);
    assertThat(bad.get("errors").toString()).contains("changeKind").contains("authority").contains("document")
        .contains("documentDate").contains("files");
    assertThat(report("applicant.b", JUDGMENT, fields(recordId)).statusCode()).as("another entity's record")
        .isEqualTo(404);
    assertThat(report("reviewer.ecology", JUDGMENT, fields(recordId)).statusCode())
        .as("the department registers on its records page, it does not report to itself").isEqualTo(403);

    JsonNode filed = json(report("applicant.a", JUDGMENT, fields(recordId)), 201);
    long id = filed.get("id").asLong();
    assertThat(filed.get("caseRef").asText()).startsWith("C-");
    assertThat(filed.get("state").asText()).isEqualTo("REPORTED");
    assertThat(filed.get("documentDate").asText()).isEqualTo(today.toString());
    assertThat(filed.get("dueDate").asText()).as("3 working days after the judgment").isGreaterThan(today.toString());
    assertThat(http.get("/api/revocations/" + id, "applicant.b", "application/json").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/revocations/" + id + "/commitment", "applicant.a", "application/json").statusCode())
        .as("no commitment to sign").isEqualTo(404);

    String task = http.awaitTask("reviewer.ecology", id, "RegisterRevocation").get("id").asText();
    assertThat(http.postJson("/api/tasks/" + task + "/complete", "reviewer.tax",
        "{\"outcome\":\"withdraw\",\"reasons\":\"x\"}").statusCode()).as("another department").isEqualTo(404);
    assertThat(json(http.postJson("/api/tasks/" + task + "/complete", "reviewer.ecology",
        "{\"outcome\":\"amend\",\"reasons\":\"已变更\"}"), 422).toString()).as("not amended yet").contains("outcome");
    json(http.postJson("/api/tasks/" + task + "/complete", "reviewer.ecology",
        "{\"outcome\":\"withdraw\",\"reasons\":\"二审判决撤销原处罚决定\"}"), 200);

    assertThat(publicPage()).as("withdrawn: off the public page").doesNotContain(number);
    JsonNode done = json(http.get("/api/revocations/" + id, "applicant.a", "application/json"), 200);
    assertThat(done.get("state").asText()).isEqualTo("RECORD_WITHDRAWN");
    assertThat(done.get("recordState").asText()).isEqualTo("WITHDRAWN");
    assertThat(done.get("timeline").toString()).as("the applicant reads the department, not its staff")
        .contains("市生态环境局").doesNotContain("reviewer.ecology");
    JsonNode record = json(http.get("/api/records/" + recordId, "reviewer.ecology", "application/json"), 200);
    JsonNode last = record.get("history").get(record.get("history").size() - 1);
    assertThat(last.get("to").asText()).isEqualTo("WITHDRAWN");
    assertThat(last.get("reason").asText()).contains("（2026）鲁01行终12号").contains(today.toString());
  }

  @Test
  void theAmendmentPageIsTheDepartmentsOwnNamesEachBadFieldAndShowsTheOldValues() throws Exception {
    String number = "济环罚〔" + System.nanoTime() + "〕号";
    Long recordId = record(number);
    String page = "/records/" + recordId;
    HttpTestClient tax = HttpTestClient.signedIn(port, "reviewer.tax");
    assertThat(tax.get(page, null, "text/html").statusCode()).as("another department's record").isEqualTo(403);
    HttpTestClient ecology = HttpTestClient.signedIn(port, "reviewer.ecology");
    assertThat(tax.postRaw(page + "/amend", "_csrf", tax.csrfOf("/records"), "document", "x",
        "documentDate", today.toString(), "reason", "x", "content", "y").statusCode()).isEqualTo(403);

    HttpResponse<String> missing = ecology.postForm(page, page + "/amend", "content", "罚款人民币五万元");
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(section(missing.body(), "amend-form")).contains("请填写撤销或变更决定的文书号")
        .contains("请填写撤销或变更决定的日期").contains("请填写理由");
    HttpResponse<String> notADate = ecology.postForm(page, page + "/amend", "document", "济政复决〔2026〕7号",
        "documentDate", "2026-02-30", "reason", "复议决定变更罚款金额", "content", "罚款人民币五万元");
    assertThat(notADate.statusCode()).isEqualTo(422);
    assertThat(section(notADate.body(), "amend-form")).contains("id=\"amend-documentDate\"").contains("class=\"message\"");
    HttpResponse<String> beforeDecision = ecology.postForm(page, page + "/amend", "document", "济政复决〔2026〕7号",
        "documentDate", today.minusDays(400).toString(), "reason", "复议决定变更罚款金额", "content", "罚款人民币五万元");
    assertThat(beforeDecision.statusCode()).isEqualTo(422);
    assertThat(beforeDecision.body()).contains("不能早于原决定日期");

    HttpResponse<String> amended = ecology.postForm(page, page + "/amend", "document", "济政复决〔2026〕7号",
        "documentDate", today.toString(), "reason", "复议决定变更罚款金额", "content", "罚款人民币五万元");
    assertThat(amended.statusCode()).as(amended.body()).isEqualTo(302);
    String shown = ecology.get(page, null, "text/html").body();
    assertThat(section(shown, "history")).as("the old value kept and shown in words")
        .contains("罚款人民币二十万元").contains("罚款人民币五万元").contains("济政复决〔2026〕7号");
    assertThat(publicPage()).contains("罚款人民币五万元");

    HttpResponse<String> withdrawnWithoutDate = ecology.postForm(page, page + "/withdraw", "document", "（2026）鲁01行终3号",
        "reason", "判决撤销");
    assertThat(withdrawnWithoutDate.statusCode()).isEqualTo(422);
    assertThat(section(withdrawnWithoutDate.body(), "withdraw-form")).contains("请填写撤销或变更决定的日期");
    assertThat(ecology.postForm(page, page + "/withdraw", "document", "（2026）鲁01行终3号", "documentDate",
        today.toString(), "reason", "判决撤销").statusCode()).isEqualTo(302);
    assertThat(publicPage()).doesNotContain(number);
  }

  private String[] fields(Long recordId) {
    return new String[] {"recordId", recordId.toString(), "changeKind", "REVOKED", "authority", "济南市中级人民法院",
        "document", "（2026）鲁01行终12号", "documentDate", today.toString(), "statement", "二审判决撤销原处罚决定"};
  }

  /** POSTs a report to the API as multipart/form-data with HTTP Basic: the fields, and the judgment if given. */
  private HttpResponse<String> report(String user, byte[] judgment, String... namesAndValues) throws Exception {
    return http.postMultipartApi("/api/revocations", user, "judgment.pdf", judgment, namesAndValues);
  }

  private Long record(String number) {
    return tx.execute(s -> recordService.publish(new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(),
        departments.getReferenceById("ecology"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, number, "超标排放",
        "罚款人民币二十万元", today.minusDays(200), null, Set.of()), "test").getId());
  }

  private String publicPage() throws Exception {
    return http.get("/public/entities/" + USCC, null, "text/html").body();
  }

  /** The part of a page inside the element with this id, up to the next form. */
  private static String section(String page, String id) {
    int start = page.indexOf("id=\"" + id + "\"");
    assertThat(start).as("the page has #" + id).isNotNegative();
    int end = page.indexOf("</form>", start);
    int table = page.indexOf("</table>", start);
    int stop = id.equals("history") ? table : end;
    return page.substring(start, stop < 0 ? page.length() : stop);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
