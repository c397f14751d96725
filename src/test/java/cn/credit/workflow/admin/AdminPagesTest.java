package cn.credit.workflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTime;
import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.notification.NotificationStatus;
import cn.credit.workflow.oversight.EscalationService;
import cn.credit.workflow.process.TaskRef;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

@RunningAppTest
class AdminPagesTest {

  @LocalServerPort int port;
  @Autowired WorkingDayCalendar calendar;
  @Autowired EscalationService escalation;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;
  HttpTestClient http;

  @BeforeEach
  void signIn() throws Exception {
    http = new HttpTestClient(port);
    http.signIn("admin");
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void fromFirstNovemberTheDashboardAndTheCalendarPageWarnThatNextYearIsNotLoaded() throws Exception {
    EngineTime.set(Instant.parse("2026-10-31T15:59:00Z")); // 23:59 on 31 October in Shanghai
    for (String page : new String[] {"/admin", "/admin/calendar"}) {
      assertThat(http.get(page, null, "text/html").body()).as(page).doesNotContain("2027年节假日安排尚未导入");
    }
    EngineTime.set(Instant.parse("2026-10-31T16:00:00Z")); // 00:00 on 1 November in Shanghai
    for (String page : new String[] {"/admin", "/admin/calendar"}) {
      assertThat(http.get(page, null, "text/html").body()).as(page).contains("2027年节假日安排尚未导入");
    }
    EngineTime.set(Instant.parse("2026-12-31T08:00:00Z"));
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
        .contains("2033-01-29 同时被列为放假日和上班日").contains("2033-01-29 班 春节调休上班");
    assertThat(calendar.snapshot().isLoaded(2033)).isFalse();

    HttpResponse<String> loaded = http.postForm("/admin/calendar", "/admin/calendar", "year", "2033", "source",
        "通知", "text", "2033-01-01 休 元旦");
    assertThat(loaded.statusCode()).isEqualTo(302);
    assertThat(calendar.snapshot().isLoaded(2033)).isTrue();
  }

  @Test
  void failedMailsAreShownToAdministratorsWhoCanSendThemAgain() throws Exception {
    Long id = tx.execute(s -> {
      escalation.taskArrived(new TaskRef("admin-mail-1", "受理 Accept", "pi-x", "R-ADMIN-MAIL", "tax", null,
          Date.from(Instant.parse("2026-12-01T15:59:59Z"))));
      Notification mail = outbox.findByCaseRefOrderByCreatedAt("R-ADMIN-MAIL").get(0);
      ReflectionTestUtils.setField(mail, "status", NotificationStatus.FAILED);
      ReflectionTestUtils.setField(mail, "lastError", "MailConnectException: Couldn't connect to host");
      return mail.getId();
    });
    assertThat(http.get("/admin", null, "text/html").body()).contains("封邮件多次发送失败");
    String page = http.get("/admin/notifications", null, "text/html").body();
    assertThat(page).contains("reviewer.tax@example.com").contains("Couldn&#39;t connect to host");
    HttpResponse<String> retried = http.postForm("/admin/notifications", "/admin/notifications/" + id + "/retry");
    assertThat(retried.statusCode()).isEqualTo(302);
    // queued again (the running dispatcher may already have tried it)
    assertThat(outbox.findById(id).orElseThrow().getStatus()).isNotEqualTo(NotificationStatus.FAILED);
  }

  @Test
  void otherPeopleDoNotGetIn() throws Exception {
    HttpTestClient reviewer = new HttpTestClient(port);
    reviewer.signIn("reviewer.market");
    assertThat(reviewer.get("/admin/calendar", null, "text/html").statusCode()).isEqualTo(403);
    assertThat(reviewer.get("/admin/calendar", null, "text/html").body()).contains("无权访问");
  }
}
