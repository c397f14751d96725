package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page on another site cannot drive the engine for a signed-in administrator: it posts a
 * deployment (a process expression could call any Java method) and task actions to the engine's
 * REST API and to the app's API with the browser's cookies, and nothing is deployed or changed.
 */
@RunningAppTest
class CrossSiteEngineTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repository;
  @Autowired TransactionTemplate tx;

  static final String EVIL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="evil"><process id="evil" isExecutable="true" camunda:historyTimeToLive="1">
        <startEvent id="s"/></process></definitions>""";

  @Test
  @NeedsBrowser
  void aForeignPageCannotDeployOrActForASignedInAdministrator() throws Exception {
    String task = claimedTask();
    long deployments = repository.createDeploymentQuery().count();
    String target = "http://localhost:" + port;
    String page = """
        <!DOCTYPE html><html><head><title>waiting</title></head><body>
        <form id="f" method="post" target="sink" action="%1$s/engine-rest/task/%2$s/unclaim"></form>
        <iframe name="sink"></iframe>
        <script>
          var bpmn = %3$s;
          var data = new FormData();
          data.append('deployment-name', 'evil');
          data.append('data', new Blob([bpmn], {type: 'text/xml'}), 'evil.bpmn');
          var options = {method: 'POST', mode: 'no-cors', credentials: 'include'};
          Promise.allSettled([
            fetch('%1$s/engine-rest/deployment/create', Object.assign({body: data}, options)),
            fetch('%1$s/engine-rest/task/%2$s/unclaim', options),
            fetch('%1$s/api/tasks/%2$s/unclaim', options)
          ]).then(function () { document.getElementById('f').submit(); setTimeout(function () { document.title = 'sent'; }, 1500); });
        </script></body></html>""".formatted(target, task, toJsString(EVIL));
    HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    attacker.createContext("/", exchange -> {
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    attacker.start();
    try (Browser browser = new Browser(port, "1280")) {
      browser.signIn("admin");
      browser.driver().get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> "sent".equals(d.getTitle()));
      browser.open("/admin");
      assertThat(browser.path()).as("the administrator is still signed in").startsWith("/admin");
    } finally {
      attacker.stop(0);
    }
    assertThat(repository.createDeploymentQuery().count()).as("nothing was deployed").isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("evil").count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).as("nothing was changed")
        .isEqualTo("reviewer.ecology");
  }

  @Test
  void theEngineApiNeverTakesTheSessionCookieEvenWithItsCsrfToken() throws Exception {
    String task = claimedTask();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String login = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    String csrf = login.replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo&_csrf=" + csrf)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/home"));
    assertThat(browser.send(get("/admin"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

    String boundary = "----x";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\n"
        + "Content-Type: text/xml\r\n\r\n" + EVIL + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> deploy = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Origin", "http://evil.example").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deploy.statusCode()).isEqualTo(401);
    assertThat(deploy.headers().firstValue("WWW-Authenticate")).as("no password prompt a browser could remember")
        .isEmpty();
    HttpResponse<String> unclaim = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + task + "/unclaim"))
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unclaim.statusCode()).isEqualTo(401);
    assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
        .contains("SameSite=Lax").contains("HttpOnly"));
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("evil").count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("reviewer.ecology");
  }

  @Test
  void theSessionCookieIsSecureWhenTheSiteIsServedOverHttps() throws Exception {
    HttpClient proxy = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> overHttps = proxy.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(overHttps.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
        .contains("Secure").contains("SameSite=Lax"));
    HttpResponse<String> overHttp = proxy.send(get("/login"), HttpResponse.BodyHandlers.ofString());
    assertThat(overHttp.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
        .doesNotContain("Secure"));
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
  }

  private String claimedTask() {
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("ecology"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济环罚字〔2026〕X" + System.nanoTime() % 100000 + "号",
        "超标排放", "罚款", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()), "test").getId());
    RepairRequest request = repairs.file("applicant.a", recordId, "已整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    String task = taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef())
        .taskDefinitionKey("AcceptRequest").singleResult().getId();
    taskService.claim(task, "reviewer.ecology");
    return task;
  }

  private static String toJsString(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
