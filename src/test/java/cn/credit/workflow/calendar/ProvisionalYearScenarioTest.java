package cn.credit.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTime;
import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A repair filed in late December 2026, whose limits run into 2027, a year whose State Council notice
 * is not loaded: the law's holidays are off (2027-01-01 New Year's Day; Spring Festival from 除夕
 * 2027-02-05 to 初三 02-08), and every date in 2027 is marked provisional in the API, on the pages and
 * in the notices. Expected dates are counted by hand beside each step (the day of receipt not counted).
 */
@RunningAppTest
class ProvisionalYearScenarioTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** The mark every page puts beside a provisional due date (fragments/fields :: provisionalMark). */
  static final String PROVISIONAL = "class=\"badge provisional\"";

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void aRepairFiledInLateDecemberCountsTheLawsHolidaysOf2027AndMarksItsDatesProvisional() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    Long recordId = generalRecord("鲁环罚〔" + System.nanoTime() + "〕号");

    // Monday 2026-12-28, 10:00 in Shanghai: filed and signed the same day
    EngineTime.set(Instant.parse("2026-12-28T02:00:00Z"));
    JsonNode filed = json(http.postJson("/api/repair-requests", "applicant.a",
        "{\"recordId\":" + recordId + ",\"proof\":\"已缴清罚款并完成整改\"}"), 201);
    long id = filed.get("id").asLong();
    String caseRef = filed.get("caseRef").asText();
    json(http.postJson("/api/repair-requests/" + id + "/commitment", "applicant.a",
        "{\"signatoryName\":\"王建明\",\"accepted\":true}"), 201);

    // acceptance, 3 working days from 12-28: 12-29, 12-30, 12-31 -> 2026-12-31, a loaded year: not provisional
    JsonNode accept = http.awaitTask("reviewer.ecology", id, "AcceptRequest");
    assertThat(dayOf(accept.get("due").asText())).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(accept.get("dueProvisional").asBoolean()).isFalse();
    // the whole request, 10 working days from the signature on 12-28: 12-29 (1), 12-30 (2), 12-31 (3),
    // 2027-01-01 New Year's Day off by law, 01-02/03 weekend, 01-04..01-08 (4..8), 01-11 (9), 01-12 (10)
    // -> 2027-01-12, provisional (weekends only would have given 01-11)
    JsonNode request = json(http.get("/api/repair-requests/" + id, "applicant.a", "application/json"), 200);
    assertThat(request.get("dueDate").asText()).isEqualTo("2027-01-12");
    assertThat(request.get("dueProvisional").asBoolean()).isTrue();

    // Thursday 2026-12-31, 09:00: accepted. Decision, 7 working days from 12-31: 01-01 off, 01-04 (1)
    // .. 01-08 (5), 01-11 (6), 01-12 (7) -> 2027-01-12, provisional
    EngineTime.set(Instant.parse("2026-12-31T01:00:00Z"));
    json(http.postJson("/api/tasks/" + accept.get("id").asText() + "/claim", "reviewer.ecology", "{}"), 200);
    json(http.postJson("/api/tasks/" + accept.get("id").asText() + "/complete", "reviewer.ecology",
        "{\"acceptOutcome\":\"accept\"}"), 200);
    JsonNode decide = http.awaitTask("reviewer.ecology", id, "VerifyAndDecide");
    assertThat(dayOf(decide.get("due").asText())).isEqualTo(LocalDate.of(2027, 1, 12));
    assertThat(decide.get("dueProvisional").asBoolean()).isTrue();

    // the notice of acceptance names the date with its mark, in both languages
    assertThat(outbox.findByCaseRefOrderByCreatedAt(caseRef)).extracting(Notification::getBody)
        .anySatisfy(body -> assertThat(body).contains("2027-01-12（暂定）").contains("2027-01-12 (provisional)"));

    // the pages: the applicant's case page, the staff case page, the task page and the task list
    HttpTestClient applicant = HttpTestClient.signedIn(port, "applicant.a");
    String portalPage = applicant.get("/portal/repairs/" + id, null, "text/html").body();
    assertThat(portalPage).contains("2027-01-12").contains(PROVISIONAL);
    HttpTestClient reviewer = HttpTestClient.signedIn(port, "reviewer.ecology");
    assertThat(reviewer.get("/cases/" + caseRef, null, "text/html").body()).contains("2027-01-12").contains(PROVISIONAL);
    assertThat(reviewer.get("/tasks/" + decide.get("id").asText(), null, "text/html").body())
        .contains("2027-01-12").contains(PROVISIONAL);
    assertThat(reviewer.get("/tasks?queue=DEPARTMENT", null, "text/html").body()).contains("2027-01-12").contains(PROVISIONAL);

    // an extension of 10 working days from 01-12: 01-13..01-15 (1..3), 01-18..01-22 (4..8), 01-25 (9),
    // 01-26 (10) -> 2027-01-26; the whole request moves by as many, from 01-12 to 01-26 as well
    json(http.postJson("/api/tasks/" + decide.get("id").asText() + "/claim", "reviewer.ecology", "{}"), 200);
    json(http.postJson("/api/tasks/" + decide.get("id").asText() + "/complete", "reviewer.ecology",
        "{\"decision\":\"extend\",\"extensionReason\":\"需现场核查\"}"), 200);
    JsonNode approve = http.awaitTask("leader.ecology", id, "ApproveExtension");
    json(http.postJson("/api/tasks/" + approve.get("id").asText() + "/claim", "leader.ecology", "{}"), 200);
    json(http.postJson("/api/tasks/" + approve.get("id").asText() + "/complete", "leader.ecology",
        "{\"extensionApproved\":\"true\"}"), 200);
    JsonNode extended = http.awaitTask("reviewer.ecology", id, "VerifyAndDecide");
    assertThat(dayOf(extended.get("due").asText())).isEqualTo(LocalDate.of(2027, 1, 26));
    assertThat(outbox.findByCaseRefOrderByCreatedAt(caseRef)).extracting(Notification::getBody)
        .anySatisfy(body -> assertThat(body).contains("2027-01-26（暂定）"));
    assertThat(applicant.get("/portal/repairs/" + id, null, "text/html").body()).contains("2027-01-26");

    // Spring Festival 2027 (computed: 正月初一 is 02-06): from Thursday 02-04, one working day is not
    // 02-05 (除夕) nor 02-08 (初三, a Monday) but Tuesday 02-09
    JsonNode springFestival = json(http.get("/api/calendar/due?from=2027-02-04&workingDays=1", null,
        "application/json"), 200);
    assertThat(springFestival.get("due").asText()).isEqualTo("2027-02-09");
    assertThat(springFestival.get("provisional").asBoolean()).isTrue();
  }

  private Long generalRecord(String number) {
    return tx.execute(s -> recordService.publish(new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(),
        departments.getReferenceById("ecology"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, number,
        "未按规定设置排污口标志", "罚款一万元", LocalDate.of(2026, 3, 2), null, Set.of()), "test").getId());
  }

  /** A task's due time as the API gives it, as a day in Shanghai. */
  private static LocalDate dayOf(String due) {
    return java.time.OffsetDateTime.parse(due).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
