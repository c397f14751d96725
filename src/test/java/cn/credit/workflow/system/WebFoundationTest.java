package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running server, over real HTTP: home page, languages, who gets into /camunda, health. */
@RunningAppTest
class WebFoundationTest {

  @LocalServerPort int port;

  private HttpTestClient http;

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

    assertThat(get("/camunda/app/cockpit/default/", "admin", "text/html").statusCode())
        .as("pages take the sign-in form, not HTTP Basic").isEqualTo(302);
    assertThat(HttpTestClient.signedIn(port, "reviewer.market").get("/camunda/app/cockpit/default/", null, "text/html")
        .statusCode()).isEqualTo(403);
    assertThat(HttpTestClient.signedIn(port, "leader.city").get("/camunda/app/tasklist/default/", null, "text/html")
        .statusCode()).isEqualTo(403);
    assertThat(get("/engine-rest/engine", "applicant.a", "application/json").statusCode()).isEqualTo(403);

    assertThat(HttpTestClient.signedIn(port, "admin").get("/camunda/app/cockpit/default/", null, "text/html")
        .statusCode()).isEqualTo(200);
    assertThat(get("/engine-rest/engine", "admin", "application/json").body()).contains("\"default\"");
  }

  @Test
  void theCamundaWebappsKnowTheAdminSignedInToTheAppWithoutASecondLogin() throws Exception {
    get("/", null, "text/html");
    http.signIn("admin");
    assertThat(get("/camunda/app/cockpit/default/", null, "text/html").statusCode()).isEqualTo(200);
    // the webapp's own auth endpoint names the app's user: no second login
    HttpResponse<String> auth = get("/camunda/api/admin/auth/user/default", null, "application/json");
    assertThat(auth.statusCode()).isEqualTo(200);
    assertThat(auth.body()).contains("\"userId\":\"admin\"").contains("cockpit").contains("tasklist");
  }

  @Test
  void healthIncludesTheDatabaseAndTheJobExecutorAndMetricsNeedAnAdmin() throws Exception {
    HttpResponse<String> anonymous = get("/actuator/health", null, "application/json");
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
    assertThat(anonymous.body()).as("anonymous callers learn UP or DOWN only").isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> health = get("/actuator/health", "admin", "application/json");
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"jobExecutor\"")
        .contains("\"processEngine\"");
    assertThat(get("/actuator/metrics", null, "application/json").statusCode()).isEqualTo(401);
    assertThat(get("/actuator/metrics", "reviewer.tax", "application/json").statusCode()).isEqualTo(403);
    assertThat(get("/actuator/metrics/jvm.memory.used", "admin", "application/json").statusCode()).isEqualTo(200);
  }

  /** What an operator watches besides health: the engine's job backlog, failed jobs, incidents and the mail outbox. */
  @Test
  void theOperatorsMetricsAreThereAndCount() throws Exception {
    for (String metric : List.of("credit.jobs.due", "credit.jobs.failed", "credit.incidents.open",
        "credit.outbox.pending", "credit.outbox.failed")) {
      HttpResponse<String> answer = get("/actuator/metrics/" + metric, "admin", "application/json");
      assertThat(answer.statusCode()).as(metric).isEqualTo(200);
      assertThat(answer.body()).as(metric).contains("\"name\":\"" + metric + "\"")
          .containsPattern("\"statistic\":\"VALUE\",\"value\":[0-9]+(\\.[0-9]+)?");
    }
  }

  @Test
  void loginPageIsThereForEveryone() throws Exception {
    HttpResponse<String> login = get("/login", null, "text/html");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("用户登录").contains("name=\"_csrf\"");
  }

  private HttpResponse<String> get(String path, String user, String accept) throws Exception {
    if (http == null) {
      http = new HttpTestClient(port);
    }
    return http.get(path, user, accept);
  }
}
