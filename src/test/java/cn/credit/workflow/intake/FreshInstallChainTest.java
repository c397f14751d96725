package cn.credit.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.CreditWorkflowApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole chain on a new installation (issue 15): an application of its own on an empty database
 * with no demo data, then only what people do over HTTP. The first administrator (its password from
 * the environment, as ADMIN_INITIAL_PASSWORD) adds the credit office and a department and their staff;
 * the credit office registers the entity; the department imports its records from an .xlsx; the
 * administrator gives the entity an applicant account; the applicant files a repair in the portal and
 * signs; the department accepts and grants; the record leaves the public list.
 *
 * <p>In CI's MySQL pass (DB_URL set, profile mysql) the database is one of its own on that server,
 * dropped and created here; otherwise a new in-memory H2 database.
 */
@Tag("database")
class FreshInstallChainTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String MYSQL_DATABASE = "credit_chain_fresh";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRST_ADMIN_PASSWORD = "Kai-Tong-Guan-Li-2026";

  private ConfigurableApplicationContext app;
  private String server; // the MySQL server without a database, or null on H2
  private int port;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (server != null) {
      try (Connection db = DriverManager.getConnection(server, user(), password()); Statement s = db.createStatement()) {
        s.execute("drop database if exists " + MYSQL_DATABASE);
      }
    }
  }

  @Test
  void adminDepartmentImportApplicantAndRepairOnAnEmptyDatabase() throws Exception {
    app = start(freshDatabase());
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
    JdbcTemplate db = app.getBean(JdbcTemplate.class);
    assertThat(db.queryForObject("select count(*) from department", Long.class)).as("no demo departments").isZero();
    assertThat(db.queryForObject("select count(*) from app_user", Long.class)).as("the first administrator only")
        .isEqualTo(1);

    // the first administrator sets their own password, then adds the credit office and a department
    Person admin = Person.signIn(port, "admin", FIRST_ADMIN_PASSWORD);
    admin.newPassword("Wo-De-Guan-Li-Mi-Ma-1");
    admin.expect(302, admin.form("/admin/departments", "/admin/departments", "code", "credit-office",
        "kind", "CREDIT_OFFICE", "nameZh", "市社会信用体系建设办公室", "nameEn", "City Credit Office"));
    admin.expect(302, admin.form("/admin/departments", "/admin/departments", "code", "housing",
        "kind", "DECIDING", "nameZh", "市住房和城乡建设局", "nameEn", "Housing and Construction"));
    // and their staff, each with a password to change at the first sign-in
    String initial = "Chu-Shi-Kou-Ling-7392";
    addUser(admin, "office.li", "李信用", "REVIEWER", "credit-office", null, initial);
    addUser(admin, "zhujian.wang", "王住建", "REVIEWER", "housing", null, initial);
    addUser(admin, "zhujian.zhao", "赵局长", "LEADER", "housing", null, initial);

    // the credit office registers the entity
    String uscc = TestCodes.fresh();
    Person office = Person.signIn(port, "office.li", initial);
    office.newPassword("Li-Xin-Yong-Mi-Ma-2");
    office.expect(302, office.form("/entities", "/entities", "uscc", uscc, "name", "济南新起点建筑工程有限公司",
        "kind", "ENTERPRISE", "legalRepresentative", "孙新起", "address", "济南市历下区经十路 1 号"));

    // the department imports its records from an .xlsx: a dry run, then the commit
    Person reviewer = Person.signIn(port, "zhujian.wang", initial);
    reviewer.newPassword("Wang-Zhu-Jian-Mi-Ma-3");
    LocalDate today = LocalDate.now(ZONE);
    String general = "济住建罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
    String serious = general.replace("号", "-1号");
    byte[] sheet = TestSheets.xlsx(List.of(
        TestSheets.row(general, uscc, "行政处罚", "罚款（数额较大）", "未取得施工许可擅自施工", today.minusDays(200), "50000"),
        TestSheets.row(serious, uscc, "行政处罚", "责令停产停业或关闭", "发生较大安全事故", today.minusDays(20), "")));
    HttpResponse<String> started = reviewer.upload("/records/import", "/records/import", "records.xlsx", sheet,
        "mode", "ALL_OR_NOTHING");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String job = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    String checked = reviewer.awaitPage(job, page -> page.contains("id=\"import-report\""));
    assertThat(checked).contains("共 2 行").contains("id=\"commit-form\"").doesNotContain("id=\"import-problems\"");
    reviewer.expect(302, reviewer.form(job, job + "/commit"));
    String committed = reviewer.awaitPage(job, page -> page.contains("id=\"import-report\""));
    assertThat(committed).contains("导入结果").contains("本次保存 2 行");
    assertThat(db.queryForObject("select count(*) from dishonesty_record where department_code = 'housing'",
        Long.class)).isEqualTo(2);
    String before = Person.anonymous(port).get("/public/entities/" + uscc).body();
    assertThat(table(before, "published")).contains(general).contains(serious);

    // the administrator gives the entity its account; the applicant sees both records
    addUser(admin, "xinqidian", "孙新起", "APPLICANT", null, uscc, initial);
    Person applicant = Person.signIn(port, "xinqidian", initial);
    String applicantPassword = "Xin-Qi-Dian-Mi-Ma-4";
    applicant.newPassword(applicantPassword);
    assertThat(applicant.get("/portal").body()).contains(general).contains(serious);
    JsonNode records = applicant.api("GET", "/api/records?uscc=" + uscc, applicantPassword, null, 200);
    long recordId = 0;
    for (JsonNode record : records) {
      if (record.get("decisionNumber").asText().equals(general)) {
        recordId = record.get("id").asLong();
      }
    }
    assertThat(recordId).as(records.toPrettyString()).isPositive();

    // the applicant files the repair of the general record with a photo as proof and signs
    String form = "/portal/records/" + recordId + "/repair";
    HttpResponse<String> filed = applicant.upload(form, form, "files", "整改照片.png", png(), "proof",
        "已缴清罚款，取得施工许可并完成整改");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    Matcher caseId = Pattern.compile("/portal/repairs/(\\d+)/commitment").matcher(filed.headers()
        .firstValue("Location").orElseThrow());
    assertThat(caseId.find()).isTrue();
    long id = Long.parseLong(caseId.group(1));
    String commitment = "/portal/repairs/" + id + "/commitment";
    applicant.expect(302, applicant.form(commitment, commitment, "signatoryName", "孙新起", "accepted", "true"));

    // the department accepts and grants (a general record: no leader's sign-off)
    String reviewerPassword = "Wang-Zhu-Jian-Mi-Ma-3";
    String accept = reviewer.awaitTask(reviewerPassword, id, "AcceptRequest");
    reviewer.api("POST", "/api/tasks/" + accept + "/claim", reviewerPassword, "{}", 200);
    reviewer.api("POST", "/api/tasks/" + accept + "/complete", reviewerPassword, "{\"acceptOutcome\":\"accept\"}", 200);
    String decide = reviewer.awaitTask(reviewerPassword, id, "VerifyAndDecide");
    reviewer.api("POST", "/api/tasks/" + decide + "/claim", reviewerPassword, "{}", 200);
    reviewer.api("POST", "/api/tasks/" + decide + "/complete", reviewerPassword,
        "{\"decision\":\"grant\",\"decisionReasons\":\"罚款已缴清，已补办施工许可\"}", 200);

    JsonNode done = Awaitility.await("the repair completed").atMost(Duration.ofSeconds(30)).until(
        () -> applicant.api("GET", "/api/repair-requests/" + id, applicantPassword, null, 200),
        r -> r.get("state").asText().equals("COMPLETED"));
    assertThat(done.get("letterCode").asText()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    String after = Person.anonymous(port).get("/public/entities/" + uscc).body();
    assertThat(table(after, "published")).doesNotContain(general).contains(serious);
    assertThat(table(after, "stopped")).contains(general);
  }

  private static void addUser(Person admin, String username, String name, String role, String department,
      String uscc, String password) throws Exception {
    admin.expect(302, admin.form("/admin/users", "/admin/users", "username", username, "displayName", name,
        "email", username + "@jinan.example.cn", "password", password, "role", role,
        "departmentCode", department == null ? "" : department, "uscc", uscc == null ? "" : uscc));
  }

  /** The database URL: a new database of its own on the MySQL server CI points at, or a new in-memory H2. */
  private String freshDatabase() throws Exception {
    String url = System.getenv("DB_URL");
    if (url == null || !url.startsWith("jdbc:mysql:")) {
      return "jdbc:h2:mem:fresh-chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
    server = url.replaceFirst("(jdbc:mysql://[^/?]+)/[^?]*", "$1/");
    try (Connection db = DriverManager.getConnection(server, user(), password()); Statement s = db.createStatement()) {
      s.execute("drop database if exists " + MYSQL_DATABASE);
      s.execute("create database " + MYSQL_DATABASE + " character set utf8mb4 collate utf8mb4_unicode_ci");
    }
    return url.replaceFirst("(jdbc:mysql://[^/?]+)/[^?]*", "$1/" + MYSQL_DATABASE);
  }

  private ConfigurableApplicationContext start(String url) {
    // command-line arguments, as an operator's settings: they outrank every properties file
    return new SpringApplicationBuilder(CreditWorkflowApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user(),
            "--spring.datasource.password=" + password(), "--credit.demo-data.enabled=false",
            "--credit.security.first-admin.password=" + FIRST_ADMIN_PASSWORD, "--credit.mail.dispatch-enabled=false",
            "--camunda.bpm.job-execution.enabled=true",
            // closing an engine unregisters its name JVM-wide, and the webapps keep JVM-wide state
            "--camunda.bpm.process-engine-name=freshChain", "--camunda.bpm.webapp.enabled=false");
  }

  private String user() {
    return server == null ? "sa" : System.getenv("DB_USER");
  }

  private String password() {
    return server == null || System.getenv("DB_PASSWORD") == null ? "" : System.getenv("DB_PASSWORD");
  }

  private static String table(String html, String id) {
    Matcher table = Pattern.compile("<table[^>]*id=\"" + id + "\".*?</table>", Pattern.DOTALL).matcher(html);
    return table.find() ? table.group() : "";
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    image.getGraphics().fillRect(10, 10, 100, 70);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** One person's browser (cookies, the page's CSRF token) and their program's Basic calls to the API. */
  static final class Person {

    private final int port;
    private final String username;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private String password;

    private Person(int port, String username, String password) {
      this.port = port;
      this.username = username;
      this.password = password;
    }

    static Person anonymous(int port) {
      return new Person(port, null, null);
    }

    static Person signIn(int port, String username, String password) throws Exception {
      Person person = new Person(port, username, password);
      HttpResponse<String> signedIn = person.form("/login", "/login", "username", username, "password", password);
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(signedIn.headers().firstValue("Location").orElse("")).as("sign-in of " + username)
          .doesNotContain("error");
      return person;
    }

    /** The password someone else chose must be changed first: nothing else opens before. */
    void newPassword(String chosen) throws Exception {
      assertThat(get("/").headers().firstValue("Location").orElse("")).endsWith("/account/password");
      expect(302, form("/account/password", "/account/password", "currentPassword", password, "newPassword", chosen,
          "repeatPassword", chosen));
      password = chosen;
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(request(path).header("Accept", "text/html").GET());
    }

    HttpResponse<String> form(String page, String action, String... namesAndValues) throws Exception {
      StringBuilder body = new StringBuilder("_csrf=").append(encode(csrfOf(page)));
      for (int i = 0; i < namesAndValues.length; i += 2) {
        body.append('&').append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
      }
      return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A multipart form with one file in the part {@code file}. */
    HttpResponse<String> upload(String page, String action, String fileName, byte[] file, String... fields)
        throws Exception {
      return upload(page, action, "file", fileName, file, fields);
    }

    HttpResponse<String> upload(String page, String action, String part, String fileName, byte[] file,
        String... fields) throws Exception {
      String boundary = "----chain" + System.nanoTime();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      List<String> all = new ArrayList<>(List.of(fields));
      all.add("_csrf");
      all.add(csrfOf(page));
      for (int i = 0; i < all.size(); i += 2) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
            + all.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(file);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The person's program: HTTP Basic with their current password, no cookie; the answer's JSON. */
    JsonNode api(String method, String path, String currentPassword, String json, int status) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + currentPassword)
              .getBytes(StandardCharsets.UTF_8)));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
      return JSON.readTree(response.body());
    }

    /** The id of the person's task at {@code step} of the case, once the engine has got there. */
    String awaitTask(String currentPassword, long caseId, String step) {
      return Awaitility.await(step + " of case " + caseId).atMost(Duration.ofSeconds(30)).until(() -> {
        for (JsonNode task : api("GET", "/api/tasks", currentPassword, null, 200)) {
          if (task.get("caseId").asLong() == caseId && task.get("step").asText().equals(step)) {
            return task.get("id").asText();
          }
        }
        return null;
      }, java.util.Objects::nonNull);
    }

    /** The page once {@code ready} holds for it: a job in the background gets there by itself. */
    String awaitPage(String path, java.util.function.Predicate<String> ready) {
      return Awaitility.await(path).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
          .until(() -> {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            return page.body();
          }, ready);
    }

    void expect(int status, HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
      assertThat(response.headers().firstValue("Location").orElse("")).as(response.uri() + " went to")
          .doesNotContain("error");
    }

    private String csrfOf(String page) throws Exception {
      Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
      assertThat(csrf.find()).as(page + " carries a CSRF token").isTrue();
      return csrf.group(1);
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
