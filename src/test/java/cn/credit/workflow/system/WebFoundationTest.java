package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import cn.credit.workflow.RunningAppTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running server, over real HTTP: home page, languages, who gets into /camunda, health. */
@RunningAppTest
class WebFoundationTest {

  @LocalServerPort int port;

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void homePageIsChineseFirstWithEnglishOnRequest() throws Exception {
    HttpResponse<String> zh = get("/", null, "text/html");
    assertThat(zh.statusCode()).isEqualTo(200);
    assertThat(zh.body()).contains("信用修复与信用信息异议一网通办").contains("lang=\"zh-CN\"");

    HttpResponse<String> en = get("/?lang=en", null, "text/html");
    assertThat(en.body()).contains("Credit repair and credit-record disputes, in one place").contains("lang=\"en\"");
    // the choice is remembered by a cookie
    assertThat(get("/", null, "text/html").body()).contains("Credit repair and credit-record disputes");
  }

  @Test
  void camundaWebappsAreForAdministratorsOnly() throws Exception {
    HttpResponse<String> anonymous = get("/camunda/app/cockpit/default/", null, "text/html");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

    assertThat(get("/camunda/app/cockpit/default/", "reviewer.market", "text/html").statusCode()).isEqualTo(403);
    assertThat(get("/camunda/app/tasklist/default/", "leader.city", "text/html").statusCode()).isEqualTo(403);
    assertThat(get("/engine-rest/engine", "applicant.a", "application/json").statusCode()).isEqualTo(403);

    assertThat(get("/camunda/app/cockpit/default/", "admin", "text/html").statusCode()).isEqualTo(200);
    assertThat(get("/engine-rest/engine", "admin", "application/json").body()).contains("\"default\"");
  }

  @Test
  void theCamundaWebappsKnowTheAdminSignedInToTheAppWithoutASecondLogin() throws Exception {
    signInThroughTheLoginForm("admin");
    assertThat(get("/camunda/app/cockpit/default/", null, "text/html").statusCode()).isEqualTo(200);
    // the webapp's own auth endpoint names the app's user: no second login
    HttpResponse<String> auth = get("/camunda/api/admin/auth/user/default", null, "application/json");
    assertThat(auth.statusCode()).isEqualTo(200);
    assertThat(auth.body()).contains("\"userId\":\"admin\"").contains("cockpit").contains("tasklist");
  }

  @Test
  void healthIncludesTheDatabaseAndTheJobExecutorAndMetricsNeedAnAdmin() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null, "application/json");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"jobExecutor\"")
        .contains("\"processEngine\"");
    assertThat(get("/actuator/metrics", null, "application/json").statusCode()).isEqualTo(401);
    assertThat(get("/actuator/metrics", "reviewer.tax", "application/json").statusCode()).isEqualTo(403);
    assertThat(get("/actuator/metrics/jvm.memory.used", "admin", "application/json").statusCode()).isEqualTo(200);
  }

  @Test
  void loginPageIsThereForEveryone() throws Exception {
    HttpResponse<String> login = get("/login", null, "text/html");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("用户登录").contains("name=\"_csrf\"");
  }

  private void signInThroughTheLoginForm(String user) throws Exception {
    String page = get("/login", null, "text/html").body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
    String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  private HttpResponse<String> get(String path, String user, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept);
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
