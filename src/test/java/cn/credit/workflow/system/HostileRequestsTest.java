package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Requests an attacker sent that got a 500 before: a language nobody speaks, a cookie nobody set,
 * paths the firewall rejects, /error asked for directly, a Referer that is no URL. Each is refused
 * or ignored, never a 500.
 */
@RunningAppTest
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest {

  @LocalServerPort int port;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aLanguageTheSiteDoesNotSpeakIsIgnoredAndNeverWrittenToTheLog(CapturedOutput output) throws Exception {
    HttpResponse<String> control = http.get("/?lang=%00%0d%0aFORGED-LOG-LINE", null, "text/html");
    assertThat(control.statusCode()).isEqualTo(200);
    assertThat(control.body()).contains("lang=\"zh-CN\"");

    assertThat(http.get("/?lang=en", null, "text/html").body()).contains("lang=\"en\"");
    assertThat(http.get("/?lang=fr", null, "text/html").body()).as("still English").contains("lang=\"en\"");
    assertThat(http.get("/?lang=zh_CN", null, "text/html").body()).contains("lang=\"zh-CN\"");
    assertThat(output.getAll().lines().filter(line -> line.startsWith("FORGED-LOG-LINE"))).isEmpty();
  }

  @Test
  void aLanguageCookieThatIsNoLanguageMeansChinese() throws Exception {
    for (String cookie : new String[] {"lang=%00", "lang=xx_YY", "lang=", "lang=-/Not_A_Zone"}) {
      HttpResponse<String> page = http.send("/", null, r -> r.header("Cookie", cookie).header("Accept", "text/html"));
      assertThat(page.statusCode()).as(cookie).isEqualTo(200);
      assertThat(page.body()).as(cookie).contains("lang=\"zh-CN\"");
    }
    HttpResponse<String> zone = http.send("/", null, r -> r.header("Cookie", "lang=en/Not_A_Zone").header("Accept",
        "text/html"));
    assertThat(zone.statusCode()).isEqualTo(200);
    assertThat(zone.body()).as("the language is one, the zone after it is not: the language counts").contains("lang=\"en\"");
  }

  @Test
  void pathsTheFirewallRejectsAre400EvenUnderTheEnginesRestApi() throws Exception {
    for (String path : new String[] {"/engine-rest;x=y/engine", "/api/%2e%2e/engine-rest/engine", "//engine-rest/engine",
        "/camunda/%2e%2e/engine-rest/engine", "/portal;x=y/records", "/api/%2e%2e/portal"}) {
      assertThat(http.get(path, null, "application/json").statusCode()).as(path).isEqualTo(400);
      assertThat(http.get(path, "admin", "application/json").statusCode()).as(path).isEqualTo(400);
    }
  }

  @Test
  void theErrorPageAskedForDirectlyIsAPageThatDoesNotExist() throws Exception {
    assertThat(http.get("/error", null, "text/html").statusCode()).isEqualTo(404);
    assertThat(http.get("/error?lang=%00", null, "application/json").statusCode()).isEqualTo(404);
  }

  @Test
  void aRefererThatIsNoUrlDoesNotBreakThePageAFormComesBackTo() throws Exception {
    http.signIn("admin");
    String token = http.csrfOf("/admin/calendar");
    HttpResponse<String> page = http.send("/admin/calendar", null, r -> r.header("Referer", "%zz{")
        .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&year=2099&source=&text=x")));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"lang-switch\"");
  }
}
