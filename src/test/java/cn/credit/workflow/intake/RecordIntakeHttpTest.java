package cn.credit.workflow.intake;

import static cn.credit.workflow.intake.EntityRegistrationHttpTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department registers, amends and withdraws its own records, over the API and on its pages. */
@RunningAppTest
@Tag("database")
class RecordIntakeHttpTest {

  static final String USCC = "91370100MA3C4K5N0R"; // applicant.a's company

  @LocalServerPort int port;
  HttpTestClient http;
  LocalDate today;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  String body(String number, String type, String penalties, String extra) {
    return "{\"decisionNumber\":\"" + number + "\",\"uscc\":\"" + USCC + "\",\"type\":\"" + type + "\","
        + "\"penaltyTypes\":" + penalties + ",\"title\":\"超标排放\",\"content\":\"超标排放大气污染物\","
        + "\"decisionDate\":\"" + today.minusDays(30) + "\",\"amount\":150000.00,"
        + "\"legalBasis\":\"《大气污染防治法》第九十九条\"" + extra + "}";
  }

  static String number(String prefix) {
    return prefix + "〔2026〕" + System.nanoTime() % 10_000_000 + "号";
  }

  @Test
  void aDepartmentRegistersItsRecordWithTheTablesSeverityOnceByDocumentNumber() throws Exception {
    String number = number("济环罚");
    JsonNode created = json(http.postJson("/api/records", "reviewer.ecology",
        body(number, "ADMINISTRATIVE_PENALTY", "[\"FINE_LARGE\",\"LICENCE_SUSPENDED\"]", "")), 201);
    assertThat(created.get("severity").asText()).as("the most severe penalty governs").isEqualTo("SERIOUS");
    assertThat(created.get("department").asText()).isEqualTo("ecology");
    assertThat(created.get("state").asText()).isEqualTo("PUBLISHED");
    assertThat(created.get("registeredOn").asText()).isEqualTo(today.toString());
    assertThat(created.get("penaltyTypes").toString()).contains("FINE_LARGE", "LICENCE_SUSPENDED");
    assertThat(created.get("amount").decimalValue()).isEqualByComparingTo("150000");

    JsonNode again = json(http.postJson("/api/records", "leader.ecology",
        body(number, "ADMINISTRATIVE_PENALTY", "[\"WARNING\"]", "")), 409);
    assertThat(again.get("fields").get(0).get("field").asText()).isEqualTo("decisionNumber");
    assertThat(json(http.postJson("/api/records", "reviewer.tax",
        body(number, "ADMINISTRATIVE_PENALTY", "[\"WARNING\"]", "")), 201).get("department").asText())
        .as("unique within a department only").isEqualTo("tax");

    long id = created.get("id").asLong();
    assertThat(http.get("/api/records/" + id, "reviewer.tax", "application/json").statusCode())
        .as("another department's record: as if there were none").isEqualTo(404);
    assertThat(http.get("/api/records/" + id, "applicant.a", "application/json").statusCode()).isEqualTo(403);
    assertThat(json(http.get("/api/records/" + id, "leader.ecology", "application/json"), 200)
        .get("decisionNumber").asText()).isEqualTo(number);
  }

  @Test
  void badInputIsNamedFieldByFieldAndNothingIsStored() throws Exception {
    JsonNode refused = json(new HttpTestClient(port, "en").postJson("/api/records", "reviewer.ecology",
        "{\"uscc\":\"91370100MA3C4K5N0X\",\"type\":\"ADMINISTRATIVE_PENALTY\",\"penaltyTypes\":[\"SPANKING\"],"
            + "\"decisionDate\":\"" + today.plusDays(3) + "\",\"amount\":-1}"), 422);
    assertThat(refused.get("errors").toString()).contains("decisionNumber", "uscc", "penaltyTypes[0]", "title",
        "decisionDate", "amount");
    JsonNode unknownEntity = json(http.postJson("/api/records", "reviewer.ecology",
        body(number("济环罚"), "ADMINISTRATIVE_PENALTY", "[\"WARNING\"]", "").replace(USCC, TestCodes.fresh())), 422);
    assertThat(unknownEntity.get("fields").get(0).get("field").asText()).isEqualTo("uscc");
    JsonNode noPenalty = json(http.postJson("/api/records", "reviewer.ecology",
        body(number("济环罚"), "ADMINISTRATIVE_PENALTY", "[]", "")), 422);
    assertThat(noPenalty.get("fields").get(0).get("field").asText()).isEqualTo("penaltyTypes");
    JsonNode noReason = json(http.postJson("/api/records", "reviewer.ecology",
        body(number("济环罚"), "ADMINISTRATIVE_PENALTY", "[\"WARNING\"]", ",\"severity\":\"GENERAL\"")), 422);
    assertThat(noReason.get("fields").get(0).get("field").asText()).isEqualTo("classificationReason");
    assertThat(noReason.get("errors").toString()).contains("轻微");
  }

  @Test
  void aClassificationOtherwiseKeepsItsReasonAndAMinorRecordIsNotPublishedUnlessNecessary() throws Exception {
    JsonNode otherwise = json(http.postJson("/api/records", "reviewer.ecology",
        body(number("济环罚"), "ADMINISTRATIVE_PENALTY", "[\"WARNING\"]",
            ",\"severity\":\"GENERAL\",\"classificationReason\":\"两年内第三次违法，从重认定\"")), 201);
    assertThat(otherwise.get("severity").asText()).isEqualTo("GENERAL");
    assertThat(otherwise.get("tableSeverity").asText()).isEqualTo("MINOR");
    assertThat(otherwise.get("history").toString()).contains("CLASSIFIED", "两年内第三次违法，从重认定",
        "severity: MINOR → GENERAL");

    JsonNode minor = json(http.postJson("/api/records", "reviewer.market",
        body(number("济市监罚"), "ABNORMAL_OPERATION", "[]", "")), 201);
    assertThat(minor.get("severity").asText()).isEqualTo("MINOR");
    assertThat(minor.get("state").asText()).isEqualTo("NOT_PUBLISHED");
    JsonNode necessary = json(http.postJson("/api/records", "reviewer.market", body(number("济市监罚"),
        "ABNORMAL_OPERATION", "[]", ",\"publicationNecessary\":true,\"publicationReason\":\"涉及食品安全\"")), 201);
    assertThat(necessary.get("state").asText()).isEqualTo("PUBLISHED");
    assertThat(necessary.get("publicationReason").asText()).isEqualTo("涉及食品安全");
  }

  @Test
  void anAmendmentKeepsTheOldValuesAndAWithdrawalLeavesThePublicPage() throws Exception {
    String number = number("济应急罚");
    long id = json(http.postJson("/api/records", "reviewer.safety",
        body(number, "ADMINISTRATIVE_PENALTY", "[\"FINE_LARGE\"]", "")), 201).get("id").asLong();
    assertThat(http.get("/public/entities/" + USCC, null, "text/html").body()).contains(number);

    String amendment = "{\"decisionDate\":\"" + today.minusDays(40) + "\",\"amount\":90000,"
        + "\"document\":\"济应急复决〔2026〕3号\",\"documentDate\":\"" + today + "\",\"reason\":\"复议决定变更\"}";
    assertThat(put("/api/records/" + id, "reviewer.tax", amendment).statusCode()).isEqualTo(404);
    JsonNode amended = json(put("/api/records/" + id, "reviewer.safety", amendment), 200);
    assertThat(amended.get("decisionDate").asText()).isEqualTo(today.minusDays(40).toString());
    JsonNode line = amended.get("history").get(amended.get("history").size() - 1);
    assertThat(line.get("action").asText()).isEqualTo("AMENDED");
    assertThat(line.get("changes").asText()).contains("decisionDate: " + today.minusDays(30) + " → "
        + today.minusDays(40)).contains("amount: 150000.00 → 90000");
    assertThat(line.get("reason").asText()).as("the changing document with its date and the reason")
        .isEqualTo("济应急复决〔2026〕3号 " + today + " — 复议决定变更");
    assertThat(json(put("/api/records/" + id, "reviewer.safety", "{\"document\":\"\"}"), 422).get("errors").toString())
        .contains("document").contains("documentDate").contains("reason");

    assertThat(http.postJson("/api/records/" + id + "/withdraw", "reviewer.tax", withdrawal("x")).statusCode())
        .isEqualTo(404);
    JsonNode withdrawn = json(http.postJson("/api/records/" + id + "/withdraw", "leader.safety",
        withdrawal("济应急撤〔2026〕1号")), 200);
    assertThat(withdrawn.get("state").asText()).isEqualTo("WITHDRAWN");
    assertThat(http.get("/public/entities/" + USCC, null, "text/html").body()).doesNotContain(number);
    assertThat(http.postJson("/api/records/" + id + "/withdraw", "leader.safety",
        withdrawal("济应急撤〔2026〕1号")).statusCode()).isEqualTo(409);
  }

  @Test
  void aNeverRepairableRecordIsRefusedForRepairWithThatReason() throws Exception {
    long id = json(http.postJson("/api/records", "reviewer.housing", body(number("济建罚"),
        "ADMINISTRATIVE_PENALTY", "[\"MARKET_BAN\"]", ",\"neverRepairable\":true")), 201).get("id").asLong();
    JsonNode refused = json(http.postJson("/api/repair-requests", "applicant.a",
        "{\"recordId\":" + id + ",\"proof\":\"已整改\"}"), 422);
    assertThat(refused.get("errors").toString()).contains("市场和行业禁入");
  }

  @Test
  void theDepartmentsPageRegistersARecord() throws Exception {
    HttpTestClient page = HttpTestClient.signedIn(port, "reviewer.hrss");
    HttpResponse<String> bad = page.postForm("/records", "/records", "decisionNumber", "", "uscc", USCC,
        "type", "ADMINISTRATIVE_PENALTY", "title", "拖欠工资", "decisionDate", "not a date");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("field invalid");
    String number = number("济人社罚");
    HttpResponse<String> done = page.postForm("/records", "/records", "decisionNumber", number, "uscc", USCC,
        "type", "ADMINISTRATIVE_PENALTY", "penaltyTypes", "WARNING", "penaltyTypes", "FINE_LARGE", "title", "拖欠工资",
        "decisionDate", today.minusDays(2).toString(), "amount", "20000");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    String location = done.headers().firstValue("Location").orElseThrow();
    String shown = page.get(location.replaceFirst("^https?://[^/]+", ""), null, "text/html").body();
    assertThat(shown).contains(number).contains("罚款（数额较大）").contains("一般");
    assertThat(page.get("/records", null, "text/html").body()).contains(number);
  }

  @Test
  void aRecordRegisteredLongAfterItsDecisionIsFlaggedLateAndTheLeadersSeeIt() throws Exception {
    String late = number("济建罚");
    String timely = number("济建罚");
    JsonNode lateOne = json(http.postJson("/api/records", "reviewer.housing",
        body(late, "ADMINISTRATIVE_PENALTY", "[\"FINE_LARGE\"]", "").replace(today.minusDays(30).toString(),
            today.minusDays(40).toString())), 201);
    assertThat(lateOne.get("decisionDate").asText()).isEqualTo(today.minusDays(40).toString());
    assertThat(lateOne.get("registeredLate").asBoolean()).as("40 days after the decision").isTrue();
    JsonNode timelyOne = json(http.postJson("/api/records", "reviewer.housing",
        body(timely, "ADMINISTRATIVE_PENALTY", "[\"FINE_LARGE\"]", "").replace(today.minusDays(30).toString(),
            today.toString())), 201);
    assertThat(timelyOne.get("registeredLate").asBoolean()).as("the day of the decision").isFalse();

    String city = HttpTestClient.signedIn(port, "leader.city").get("/oversight", null, "text/html").body();
    assertThat(section(city, "late-registrations")).contains(late).doesNotContain(timely)
        .contains("data-department=\"housing\"");
    assertThat(section(HttpTestClient.signedIn(port, "leader.housing").get("/oversight", null, "text/html").body(),
        "late-registrations")).contains(late);
    assertThat(section(HttpTestClient.signedIn(port, "leader.tax").get("/oversight", null, "text/html").body(),
        "late-registrations")).doesNotContain(late).doesNotContain("data-department=\"housing\"");
  }

  @Test
  void aRevokedRecordEndsItsOpenRepairRequestWithANotice() throws Exception {
    String number = number("济环罚");
    long id = json(http.postJson("/api/records", "reviewer.ecology", body(number, "ADMINISTRATIVE_PENALTY",
        "[\"FINE_LARGE\"]", "").replace(today.minusDays(30).toString(), today.minusDays(200).toString())), 201)
        .get("id").asLong();
    long request = json(http.postJson("/api/repair-requests", "applicant.a",
        "{\"recordId\":" + id + ",\"proof\":\"已缴清罚款并完成整改\"}"), 201).get("id").asLong();
    json(http.postJson("/api/records/" + id + "/withdraw", "reviewer.ecology", withdrawal("济环撤〔2026〕9号")),
        200);
    JsonNode ended = json(http.get("/api/repair-requests/" + request, "applicant.a", "application/json"), 200);
    assertThat(ended.get("state").asText()).isEqualTo("RECORD_WITHDRAWN");
    assertThat(ended.toString()).contains("济环撤〔2026〕9号");
  }

  /** A withdrawal citing the revoking document, dated today, with a reason. */
  private String withdrawal(String document) {
    return "{\"document\":\"" + document + "\",\"documentDate\":\"" + today + "\",\"reason\":\"法院判决撤销\"}";
  }

  /** The part of a page inside the element with this id, up to the next panel. */
  private static String section(String page, String id) {
    int start = page.indexOf("id=\"" + id + "\"");
    assertThat(start).as("the page has #" + id).isNotNegative();
    int end = page.indexOf("class=\"panel\"", start);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private HttpResponse<String> put(String path, String user, String json) throws Exception {
    return http.send(path, user, b -> b.header("Content-Type", "application/json").header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }
}
