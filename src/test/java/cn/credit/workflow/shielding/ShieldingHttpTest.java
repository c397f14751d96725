package cn.credit.workflow.shielding;

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
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** A shielding request filed through the API with the court's ruling, decided and ended, the public page looked at each time. */
@RunningAppTest
class ShieldingHttpTest {

  static final String USCC = "91370100MA3C4K5N0R";
  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] RULING = "%PDF-1.4\n民事裁定书\n%%EOF".getBytes(StandardCharsets.UTF_8);

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;
  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void aShieldedRecordLeavesThePublicPageAndReturnsWhenTheCourtEndsThePlan() throws Exception {
    String number = "济环罚〔" + System.nanoTime() + "〕号";
    Long recordId = record(number);
    assertThat(publicPage()).as("published before").contains(number);

    JsonNode bad = json(file("applicant.a", null, "recordId", recordId.toString(), "procedure", "LIQUIDATION"), 422);
    assertThat(bad.get("errors").toString()).contains("procedure").contains("court").contains("courtCaseNumber")
        .contains("files");
    assertThat(file("applicant.b", RULING, filing(recordId)).statusCode()).as("another entity's record").isEqualTo(404);
    assertThat(file("reviewer.ecology", RULING, filing(recordId)).statusCode()).as("staff do not file").isEqualTo(403);

    JsonNode filed = json(file("applicant.a", RULING, filing(recordId)), 201);
    long id = filed.get("id").asLong();
    assertThat(filed.get("caseRef").asText()).startsWith("S-");
    assertThat(filed.get("state").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(filed.get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(json(file("applicant.a", RULING, filing(recordId)), 422).get("errors").toString())
        .as("one open request per record").contains("recordId");
    assertThat(http.get("/api/shieldings/" + id, "applicant.b", "application/json").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/shieldings/" + id + "/commitment", "applicant.a", "application/json").statusCode())
        .as("no commitment to sign").isEqualTo(404);

    String decide = http.awaitTask("reviewer.ecology", id, "DecideShielding").get("id").asText();
    assertThat(http.postJson("/api/tasks/" + decide + "/complete", "reviewer.tax",
        "{\"decision\":\"shield\",\"reasons\":\"x\"}").statusCode()).as("another department").isEqualTo(404);
    json(http.postJson("/api/tasks/" + decide + "/complete", "reviewer.ecology",
        "{\"decision\":\"shield\",\"reasons\":\"法院已裁定受理重整申请\"}"), 200);

    assertThat(publicPage()).as("shielded: off the public page").doesNotContain(number);
    JsonNode shielded = json(http.get("/api/shieldings/" + id, "applicant.a", "application/json"), 200);
    assertThat(shielded.get("state").asText()).isEqualTo("SHIELDED");
    assertThat(shielded.get("recordState").asText()).isEqualTo("SHIELDED");
    String code = shielded.get("letterCode").asText();
    assertThat(HttpTestClient.signedIn(port, "applicant.a").get("/shieldings/" + id + "/letter", null, "text/html").body())
        .contains("信用信息临时屏蔽决定书").contains(code);
    assertThat(http.get("/public/verify?code=" + code, null, "text/html").body()).contains("该文书真实有效")
        .contains("准予临时屏蔽");

    String courtEnd = http.awaitTask("reviewer.credit-office", id, "RegisterCourtEnd").get("id").asText();
    assertThat(json(http.postJson("/api/tasks/" + courtEnd + "/complete", "reviewer.credit-office",
        "{\"courtEnd\":\"ENDED\"}"), 422).toString()).contains("courtEnd").contains("courtRuling");
    json(http.postJson("/api/tasks/" + courtEnd + "/complete", "reviewer.credit-office",
        "{\"courtEnd\":\"FAILED\",\"courtRuling\":\"（2026）鲁01破12号之三\"}"), 200);
    assertThat(publicPage()).as("the plan failed: published again").contains(number);
    JsonNode ended = json(http.get("/api/shieldings/" + id, "applicant.a", "application/json"), 200);
    assertThat(ended.get("state").asText()).isEqualTo("RESTORED");
    // the timeline names the departments that acted, not their staff (words for the applicant)
    assertThat(ended.get("timeline").toString()).contains("市生态环境局").contains("市社会信用体系建设办公室")
        .doesNotContain("reviewer.ecology");
  }

  private static String[] filing(Long recordId) {
    return new String[] {"recordId", recordId.toString(), "procedure", "REORGANISATION", "court", "济南市中级人民法院",
        "courtCaseNumber", "（2026）鲁01破12号", "statement", "法院已裁定受理重整申请"};
  }

  /** POSTs a multipart filing to the API with HTTP Basic: the fields, and the court's ruling as a file if given. */
  private HttpResponse<String> file(String user, byte[] ruling, String... namesAndValues) throws Exception {
    String boundary = "----shielding" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + namesAndValues[i] + "\"\r\n\r\n"
          + namesAndValues[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (ruling != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"ruling.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(ruling);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send("/api/shieldings", user, r -> r.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private Long record(String number) {
    return tx.execute(s -> recordService.publish(new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(),
        departments.getReferenceById("ecology"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, number, "超标排放",
        "罚款人民币二十万元", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()), "test").getId());
  }

  private String publicPage() throws Exception {
    return http.get("/public/entities/" + USCC, null, "text/html").body();
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
