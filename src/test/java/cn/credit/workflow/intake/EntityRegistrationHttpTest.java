package cn.credit.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Market entities registered and changed by the credit office, over the API and on its pages. */
@RunningAppTest
@Tag("database")
class EntityRegistrationHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void theCreditOfficeRegistersAnEntityAndAnApplicantIsTiedToIt() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    String code = TestCodes.fresh();
    String body = "{\"uscc\":\"" + code.toLowerCase() + "\",\"name\":\"济南新登记建材有限公司\",\"kind\":\"ENTERPRISE\","
        + "\"legalRepresentative\":\"李四\",\"address\":\"济南市历下区经十路1号\"}";

    assertThat(http.postJson("/api/entities", "reviewer.ecology", body).statusCode())
        .as("a deciding department does not register entities: as if there were nothing").isEqualTo(404);
    JsonNode created = json(http.postJson("/api/entities", "reviewer.credit-office", body), 201);
    assertThat(created.get("uscc").asText()).as("stored as GB 32100 writes it").isEqualTo(code);
    assertThat(created.get("kind").asText()).isEqualTo("ENTERPRISE");
    JsonNode again = json(http.postJson("/api/entities", "admin", body), 409);
    assertThat(again.get("fields").get(0).get("field").asText()).isEqualTo("uscc");

    // a wrong check character and a missing operator are named by field, nothing is stored
    String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
    JsonNode refused = json(http.postJson("/api/entities", "admin", "{\"uscc\":\"" + wrong
        + "\",\"name\":\"张三小吃店\",\"kind\":\"INDIVIDUAL_BUSINESS\"}"), 422);
    assertThat(refused.get("errors").toString()).contains("uscc").contains("operator");
    assertThat(http.get("/api/entities/" + wrong, "admin", "application/json").statusCode()).isEqualTo(404);

    // a change keeps the code and takes the rest
    JsonNode changed = json(put(http, "/api/entities/" + code, "reviewer.credit-office",
        "{\"name\":\"济南新登记建材集团有限公司\",\"kind\":\"ENTERPRISE\",\"legalRepresentative\":\"王五\"}"), 200);
    assertThat(changed.get("name").asText()).isEqualTo("济南新登记建材集团有限公司");
    assertThat(changed.get("legalRepresentative").asText()).isEqualTo("王五");
    assertThat(changed.get("address").isNull()).isTrue();
    assertThat(put(http, "/api/entities/" + TestCodes.fresh(), "admin",
        "{\"name\":\"无\",\"kind\":\"ENTERPRISE\",\"legalRepresentative\":\"王五\"}").statusCode()).isEqualTo(404);
    assertThat(put(http, "/api/entities/" + code, "admin", "{\"uscc\":\"" + TestCodes.fresh()
        + "\",\"name\":\"无\",\"kind\":\"ENTERPRISE\",\"legalRepresentative\":\"王五\"}").statusCode()).isEqualTo(422);

    // an applicant's account for the newly registered entity (before: 422 "须对应已登记的市场主体")
    HttpTestClient admin = HttpTestClient.signedIn(port, "admin");
    String username = "applicant.n" + System.nanoTime() % 100000;
    HttpResponse<String> added = admin.postForm("/admin/users", "/admin/users", "username", username,
        "displayName", "李四", "password", "s3cret-pass", "role", "APPLICANT", "uscc", code);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    assertThat(admin.get("/admin/users/" + username, null, "text/html").body()).contains(code);
  }

  @Test
  void theEntityPagesRegisterAndShowWhatIsWrongBesideTheField() throws Exception {
    HttpTestClient office = HttpTestClient.signedIn(port, "reviewer.credit-office");
    HttpResponse<String> bad = office.postForm("/entities", "/entities", "uscc", "91370100MA3C4K5N0", "name", "",
        "kind", "ENTERPRISE", "legalRepresentative", "李四");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("field invalid").contains("统一社会信用代码应为18位");
    String code = TestCodes.fresh();
    HttpResponse<String> done = office.postForm("/entities", "/entities", "uscc", code, "name", "张三小吃店",
        "kind", "INDIVIDUAL_BUSINESS", "operator", "张三");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/entities/" + code));
    assertThat(office.get("/entities", null, "text/html").body()).contains(code).contains("张三小吃店");
    HttpTestClient tax = HttpTestClient.signedIn(port, "reviewer.tax");
    assertThat(tax.get("/entities", null, "text/html").statusCode()).isEqualTo(404);
    assertThat(office.get("/records", null, "text/html").body()).as("the credit office's way to its entities")
        .contains("id=\"entities-link\"");
    assertThat(tax.get("/records", null, "text/html").body()).doesNotContain("id=\"entities-link\"");
  }

  private static HttpResponse<String> put(HttpTestClient http, String path, String user, String json)
      throws Exception {
    return http.send(path, user, b -> b.header("Content-Type", "application/json").header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
