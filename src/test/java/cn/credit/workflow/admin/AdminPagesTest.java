package cn.credit.workflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.calendar.WorkingDayCalendar;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RunningAppTest
class AdminPagesTest {

  @LocalServerPort int port;
  @Autowired WorkingDayCalendar calendar;
  HttpTestClient http;

  @BeforeEach
  void signIn() throws Exception {
    http = new HttpTestClient(port);
    http.signIn("admin");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fromDecemberTheDashboardWarnsThatNextYearIsNotLoaded() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T02:00:00Z")));
    assertThat(http.get("/admin", null, "text/html").body()).doesNotContain("2027年节假日安排尚未导入");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T16:30:00Z"))); // 1 December in Shanghai
    assertThat(http.get("/admin", null, "text/html").body()).contains("2027年节假日安排尚未导入");
  }

  @Test
  void theCalendarPageListsTheYearsAndRefusesABadYearKeepingTheInput() throws Exception {
    assertThat(http.get("/admin/calendar", null, "text/html").body()).contains("2026").contains("2025");
    String text = "2033-01-01 休 元旦\n2033-01-29 休 春节\n2033-01-29 班 春节调休上班";
    HttpResponse<String> refused = http.postForm("/admin/calendar", "/admin/calendar", "year", "2033", "source",
        "通知", "text", text);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("未导入，任何内容均未保存")
        .contains("2033-01-29 is listed both as a day off and as a working day").contains("2033-01-29 班 春节调休上班");
    assertThat(calendar.snapshot().isLoaded(2033)).isFalse();

    HttpResponse<String> loaded = http.postForm("/admin/calendar", "/admin/calendar", "year", "2033", "source",
        "通知", "text", "2033-01-01 休 元旦");
    assertThat(loaded.statusCode()).isEqualTo(302);
    assertThat(calendar.snapshot().isLoaded(2033)).isTrue();
  }

  @Test
  void otherPeopleDoNotGetIn() throws Exception {
    HttpTestClient reviewer = new HttpTestClient(port);
    reviewer.signIn("reviewer.market");
    assertThat(reviewer.get("/admin/calendar", null, "text/html").statusCode()).isEqualTo(403);
    assertThat(reviewer.get("/admin/calendar", null, "text/html").body()).contains("无权访问");
  }
}
