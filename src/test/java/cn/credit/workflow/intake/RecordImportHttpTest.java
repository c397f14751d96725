package cn.credit.workflow.intake;

import static cn.credit.workflow.intake.EntityRegistrationHttpTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.RecordService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department's batch through the API and its page: dry run, all or nothing, good rows, sent again. */
@RunningAppTest
@Tag("database")
class RecordImportHttpTest {

  static final String USCC = "91370100MA3C4K5N0R"; // applicant.a's company

  @LocalServerPort int port;
  @Autowired RecordService records;
  HttpTestClient http;
  LocalDate today;
  String tag;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    tag = String.valueOf(System.nanoTime() % 100_000_000);
  }

  @Test
  void aBatchWithABadRowIsReportedByRowAndColumnAndStoresNothingWhenAllOrNothing() throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(TestSheets.row("济税罚〔" + tag + "〕1号", USCC, "行政处罚", "罚款（数额较大）", "逾期申报", today.minusDays(3), "5000"));
    rows.add(TestSheets.row("济税罚〔" + tag + "〕2号", "91370100MA3C4K5N0X", "行政处罚", "警告", "逾期申报", today.minusDays(3), ""));
    rows.add(TestSheets.row("济税罚〔" + tag + "〕3号", USCC, "ADMINISTRATIVE_PENALTY", "WARNING;FINE_HUGE", "偷税",
        today.minusDays(2), "1,200,000.50"));
    rows.add(TestSheets.row("济税罚〔" + tag + "〕1号", USCC, "行政处罚", "警告", "重复", today.minusDays(3), ""));
    byte[] file = TestSheets.csv(rows);

    JsonNode preview = json(upload("reviewer.tax", "batch.csv", file, "", null), 200);
    assertThat(preview.get("committed").asBoolean()).isFalse();
    assertThat(preview.get("rows").asInt()).isEqualTo(4);
    assertThat(preview.get("good").asInt()).isEqualTo(2);
    JsonNode problems = preview.get("problems");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).get("row").asInt()).as("the header is row 1").isEqualTo(3);
    assertThat(problems.get(0).get("column").asText()).isEqualTo("统一社会信用代码");
    assertThat(problems.get(0).get("message").asText()).contains("校验位");
    assertThat(problems.get(1).get("row").asInt()).isEqualTo(5);
    assertThat(problems.get(1).get("message").asText()).contains("第 2 行");
    assertThat(records.findByDepartmentAndNumber("tax", "济税罚〔" + tag + "〕1号")).as("a dry run").isEmpty();

    JsonNode english = json(upload("reviewer.tax", "batch.csv", file, "en", null), 200);
    assertThat(english.get("problems").get(1).get("message").asText()).contains("row 2");

    JsonNode refused = json(upload("reviewer.tax", "batch.csv", file, "", "commit=true"), 422);
    assertThat(refused.get("report").get("committed").asBoolean()).isFalse();
    assertThat(refused.get("report").get("stored").asInt()).isZero();
    assertThat(records.findByDepartmentAndNumber("tax", "济税罚〔" + tag + "〕1号")).as("all or nothing").isEmpty();

    JsonNode kept = json(upload("reviewer.tax", "batch.csv", file, "", "commit=true&mode=GOOD_ROWS"), 200);
    assertThat(kept.get("stored").asInt()).isEqualTo(2);
    DishonestyRecord huge = records.findByDepartmentAndNumber("tax", "济税罚〔" + tag + "〕3号").orElseThrow();
    assertThat(huge.getSeverity().name()).isEqualTo("SERIOUS");
    assertThat(huge.getAmount()).isEqualByComparingTo("1200000.50");

    JsonNode again = json(upload("reviewer.tax", "batch.csv", file, "", "commit=true&mode=GOOD_ROWS"), 200);
    assertThat(again.get("stored").asInt()).as("sent again: nothing changes").isZero();
    assertThat(again.get("alreadyRegistered").asInt()).isEqualTo(2);
    assertThat(records.findByDepartmentAndNumber("tax", "济税罚〔" + tag + "〕3号").orElseThrow().getVersion())
        .isEqualTo(huge.getVersion());
  }

  @Test
  void anXlsxBatchIsReadWithItsDateCellsAndStoredWhole() throws Exception {
    List<List<Object>> rows = List.of(
        TestSheets.row("济市监罚〔" + tag + "〕1号", USCC, "行政处罚", "警告、罚款（数额较大）", "虚假宣传", today.minusDays(5), "30000"),
        TestSheets.row("济市监异〔" + tag + "〕2号", USCC, "经营异常名录", "", "未按期年报", today.minusDays(4), ""));
    JsonNode done = json(upload("reviewer.market", "batch.xlsx", TestSheets.xlsx(rows), "", "commit=true"), 200);
    assertThat(done.get("problems")).isEmpty();
    assertThat(done.get("stored").asInt()).isEqualTo(2);
    DishonestyRecord fine = records.findByDepartmentAndNumber("market", "济市监罚〔" + tag + "〕1号").orElseThrow();
    assertThat(fine.getDecisionDate()).isEqualTo(today.minusDays(5));
    assertThat(fine.getSeverity().name()).isEqualTo("GENERAL");
    assertThat(records.findByDepartmentAndNumber("market", "济市监异〔" + tag + "〕2号").orElseThrow().getState().name())
        .as("minor, not marked necessary").isEqualTo("NOT_PUBLISHED");

    assertThat(json(upload("reviewer.market", "batch.txt", "x".getBytes(), "", null), 422).get("fields").get(0)
        .get("field").asText()).isEqualTo("file");
    assertThat(json(upload("reviewer.market", "batch.xlsx", "not a workbook".getBytes(), "", null), 422)
        .get("detail").asText()).contains("无法读取");
    assertThat(upload("applicant.a", "batch.xlsx", TestSheets.xlsx(rows), "", null).statusCode()).isEqualTo(403);
  }

  @Test
  void thePageChecksFirstAndStoresOnTheDepartmentsWord() throws Exception {
    HttpTestClient page = HttpTestClient.signedIn(port, "reviewer.ecology");
    byte[] file = TestSheets.csv(List.of(
        TestSheets.row("济环罚〔" + tag + "〕1号", USCC, "行政处罚", "罚款（数额较大）", "超标排放", today.minusDays(1), "80000")));
    String csrf = page.csrfOf("/records/import");
    HttpResponse<String> checked = page.send("/records/import", null, b -> multipart(b, "batch.csv", file, csrf));
    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(checked.body()).contains("id=\"commit-form\"");
    assertThat(records.findByDepartmentAndNumber("ecology", "济环罚〔" + tag + "〕1号")).isEmpty();
    HttpResponse<String> stored = page.postForm("/records/import", "/records/import/commit");
    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(records.findByDepartmentAndNumber("ecology", "济环罚〔" + tag + "〕1号")).isPresent();
  }

  @Test
  void theSampleFileInTheDocsReadsWithoutAProblem() throws Exception {
    byte[] sample = Files.readAllBytes(Path.of("docs/records-sample.csv"));
    JsonNode preview = json(upload("reviewer.ecology", "records-sample.csv", sample, "", null), 200);
    assertThat(preview.get("problems")).as(preview.toString()).isEmpty();
    assertThat(preview.get("rows").asInt()).isEqualTo(4);
    assertThat(preview.get("committed").asBoolean()).isFalse();
  }

  private HttpResponse<String> upload(String user, String name, byte[] file, String language, String query)
      throws Exception {
    HttpTestClient client = language.isEmpty() ? http : new HttpTestClient(port, language);
    return client.send("/api/records/import" + (query == null ? "" : "?" + query), user,
        b -> multipart(b.header("Accept", "application/json"), name, file, null));
  }

  private static HttpRequest.Builder multipart(HttpRequest.Builder builder, String name, byte[] file, String csrf) {
    String boundary = "----import" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (csrf != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }
}
