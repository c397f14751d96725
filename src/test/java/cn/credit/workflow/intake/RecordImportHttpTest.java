package cn.credit.workflow.intake;

import static cn.credit.workflow.intake.EntityRegistrationHttpTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.RecordService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
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
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
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
  void thePageChecksFirstAndStoresOnTheDepartmentsWordInTheBackgroundSeenOnlyByTheDepartment() throws Exception {
    HttpTestClient page = HttpTestClient.signedIn(port, "reviewer.ecology");
    String number = "济环罚〔" + tag + "〕1号";
    byte[] file = TestSheets.csv(List.of(
        TestSheets.row(number, USCC, "行政处罚", "罚款（数额较大）", "超标排放", today.minusDays(1), "80000")));
    String job = startOnThePage(page, "batch.csv", file);
    assertThat(job).matches("/records/import/[0-9a-f-]{36}");
    String checked = awaitPage(page, job, body -> body.contains("id=\"commit-form\""));
    assertThat(checked).contains("检查结果").contains("batch.csv");
    assertThat(records.findByDepartmentAndNumber("ecology", number)).as("a dry run").isEmpty();
    JsonNode progress = json(page.get(job + "/progress", null, "application/json"), 200);
    assertThat(progress.get("state").asText()).isEqualTo("CHECKED");
    assertThat(progress.get("running").asBoolean()).isFalse();
    assertThat(progress.get("rowsRead").asInt()).isEqualTo(1);

    // another department, even its leader, finds nothing there; the department's leader does
    HttpTestClient other = HttpTestClient.signedIn(port, "leader.tax");
    assertThat(other.get(job, null, "text/html").statusCode()).isEqualTo(404);
    assertThat(other.get(job + "/progress", null, "application/json").statusCode()).isEqualTo(404);
    assertThat(other.get("/records/import", null, "text/html").body()).doesNotContain(job);
    assertThat(other.postForm("/records/import", job + "/commit").statusCode()).isEqualTo(404);
    assertThat(records.findByDepartmentAndNumber("ecology", number)).isEmpty();
    HttpTestClient leader = HttpTestClient.signedIn(port, "leader.ecology");
    assertThat(leader.get("/records/import", null, "text/html").body()).contains(job);

    // the commit, posted twice (a second click, a reload that posts again), stores the row once
    assertThat(page.postForm(job, job + "/commit").statusCode()).isEqualTo(302);
    assertThat(page.postForm(job, job + "/commit").statusCode()).isEqualTo(302);
    String done = awaitPage(page, job, body -> body.contains("导入结果"));
    assertThat(done).contains("本次保存 1 行").doesNotContain("id=\"commit-form\"");
    assertThat(records.findByDepartmentAndNumber("ecology", number)).isPresent();
    assertThat(awaitPage(page, job, body -> true)).as("the page reloaded shows the same result").contains("本次保存 1 行");
    assertThat(page.get("/records/import", null, "text/html").body()).contains(job).contains("已完成");

    // a file that is not a spreadsheet is refused on the form, before any job
    String again = page.csrfOf("/records/import");
    HttpResponse<String> refused = page.send("/records/import", null, b -> multipart(b, "batch.txt", file, again));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains(".xlsx");
  }

  @Test
  void aCheckedFileNotStoredInTimeIsDroppedAndAFileTooLargeIsRefused() throws Exception {
    HttpTestClient page = HttpTestClient.signedIn(port, "reviewer.housing");
    String number = "济住建罚〔" + tag + "〕9号";
    byte[] file = TestSheets.csv(List.of(
        TestSheets.row(number, USCC, "行政处罚", "警告", "违法建设", today.minusDays(1), "")));
    String job = startOnThePage(page, "batch.csv", file);
    awaitPage(page, job, body -> body.contains("id=\"commit-form\""));
    String id = job.substring(job.lastIndexOf('/') + 1);
    jdbc.update("update record_import_job set updated_at = ? where id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))), id);

    String next = startOnThePage(page, "batch.csv", file); // any new import drops the files not stored in time
    assertThat(jdbc.queryForObject("select count(*) from record_import_job where id = ? and content is null",
        Integer.class, id)).isEqualTo(1);
    String expired = page.get(job, null, "text/html").body();
    assertThat(expired).contains("id=\"import-expired\"").doesNotContain("id=\"commit-form\"");
    assertThat(page.postForm(job, job + "/commit").statusCode()).isEqualTo(302);
    assertThat(records.findByDepartmentAndNumber("housing", number)).as("an expired check stores nothing").isEmpty();
    awaitPage(page, next, body -> body.contains("id=\"commit-form\""));
    // a job whose node stopped working it is not shown as running for ever
    jdbc.update("update record_import_job set state = 'COMMITTING', updated_at = ? where id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofMinutes(10))),
        next.substring(next.lastIndexOf('/') + 1));
    assertThat(page.get(next, null, "text/html").body()).contains("id=\"import-interrupted\"")
        .doesNotContain("id=\"import-progress\"");

    byte[] large = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(large, (byte) 'x');
    String csrf = page.csrfOf("/records/import");
    HttpResponse<String> refused = page.send("/records/import", null, b -> multipart(b, "large.csv", large, csrf));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("文件超过 10 MB");
  }

  private String startOnThePage(HttpTestClient page, String name, byte[] file) throws Exception {
    String csrf = page.csrfOf("/records/import");
    HttpResponse<String> started = page.send("/records/import", null, b -> multipart(b, name, file, csrf));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    return URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
  }

  /** The page once {@code ready} holds for it: the job runs in the background. */
  private static String awaitPage(HttpTestClient client, String path, java.util.function.Predicate<String> ready) {
    return org.awaitility.Awaitility.await(path).atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
          HttpResponse<String> page = client.get(path, null, "text/html");
          assertThat(page.statusCode()).as(path).isEqualTo(200);
          return page.body();
        }, ready);
  }

  @Test
  void theSampleFileInTheDocsReadsWithoutAProblem() throws Exception {
    byte[] sample = Files.readAllBytes(Path.of("docs/records-sample.csv"));
    JsonNode preview = json(upload("reviewer.ecology", "records-sample.csv", sample, "", null), 200);
    assertThat(preview.get("problems")).as(preview.toString()).isEmpty();
    assertThat(preview.get("rows").asInt()).isEqualTo(4);
    assertThat(preview.get("committed").asBoolean()).isFalse();
  }

  @Test
  void theXlsxSampleInTheDocsReadsAsTheCsvSample() throws Exception {
    byte[] sample = Files.readAllBytes(Path.of("docs/records-sample.xlsx"));
    JsonNode xlsx = json(upload("reviewer.ecology", "records-sample.xlsx", sample, "", null), 200);
    assertThat(xlsx.get("problems")).as(xlsx.toString()).isEmpty();
    JsonNode csv = json(upload("reviewer.ecology", "records-sample.csv",
        Files.readAllBytes(Path.of("docs/records-sample.csv")), "", null), 200);
    assertThat(xlsx.get("rows").asInt()).isEqualTo(4).isEqualTo(csv.get("rows").asInt());
    assertThat(xlsx.get("good").asInt()).isEqualTo(csv.get("good").asInt());
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
