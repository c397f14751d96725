package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.EngineTime;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The date an applicant is told is the same everywhere once it moves: after a supplement (the
 * applicant's days do not count) and after an approved extension, the case page, the API and the
 * last notice (mail) name the same whole-request date.
 */
@RunningAppTest
@NeedsBrowser
@Tag("database")
class CurrentDatesBrowserTest {

  static final String APPLICANT = "applicant.a";

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired InboxService inbox;
  @Autowired CaseProcesses processes;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;
  @Autowired ManagementService management;
  @Autowired TaskService taskService;

  @Test
  void theCasePageTheApiAndTheNoticesAgreeAfterASupplementAndAnExtension() throws Exception {
    try {
      walk();
    } finally {
      EngineTime.reset(); // the running application is shared with other test classes
    }
  }

  private void walk() throws Exception {
    on(2026, 11, 2); // Monday: the whole request is due 10 working days later, 11-16
    // decided on a fixed day, so that the dates below hold whenever the test runs
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById(APPLICANT).orElseThrow().getEntity(), departments.getReferenceById("ecology"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济环罚字〔2026〕D" + System.nanoTime() % 100000 + "号",
        "超标排放", "罚款", LocalDate.of(2026, 3, 2), null, Set.of()), "test").getId());
    RepairRequest request = repairs.file(APPLICANT, recordId, "已缴清罚款");
    repairs.sign(request.getId(), APPLICANT, "王明德", true);
    String caseRef = request.getCaseRef();
    on(2026, 11, 4); // the supplement notice
    complete(caseRef, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "supplement",
        "missingMaterials", "缴款凭证"));

    try (Browser browser = new Browser(port, "1280")) {
      browser.signIn(APPLICANT);
      browser.open("/portal/repairs/" + request.getId());
      browser.waitFor("#supplement-form");
      assertThat(browser.text("#case-due")).isEqualTo("2026-11-16").isEqualTo(apiDue(request.getId()));
      on(2026, 11, 9); // answered: 11-05, 11-06 and 11-09 were the applicant's, so 3 more: 11-19
      browser.type("#supplementAnswer", "已补交缴款凭证");
      browser.click("#supplement-form button[type=submit]");
      browser.waitFor("#case-due");
      browser.open("/portal/repairs/" + request.getId());
      browser.waitFor("#case-due");
      String afterSupplement = browser.text("#case-due");
      browser.screenshot("dates-after-supplement");
      assertThat(afterSupplement).isEqualTo("2026-11-19").isEqualTo(apiDue(request.getId()));
      assertThat(lastMailNaming(caseRef, afterSupplement)).as("a notice names the date the page shows").isNotNull()
          .extracting(Notification::getBody).asString().contains("顺延至2026-11-19");

      complete(caseRef, "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
      complete(caseRef, "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "extend",
          "extensionReason", "需现场核查"));
      on(2026, 11, 10);
      complete(caseRef, "ApproveExtension", "leader.ecology", Map.of("extensionApproved", "true"));
      browser.open("/portal/repairs/" + request.getId());
      browser.waitFor("#case-due");
      String afterExtension = browser.text("#case-due");
      browser.screenshot("dates-after-extension");
      // 10 more from 11-19: 11-20, 11-23..11-27, 11-30, 12-01..12-03
      assertThat(afterExtension).as("an approved extension moves the whole request").isEqualTo("2026-12-03");
      assertThat(afterExtension).isEqualTo(apiDue(request.getId()));
      Notification extended = lastMailNaming(caseRef, afterExtension);
      assertThat(extended).as("the extension's notice names the new date").isNotNull();
      assertThat(extended.getSubject()).contains("办理期限已延长");
      assertThat(browser.text("body")).as("the case page's own history of the case").contains(afterExtension);
    }
  }

  private static void on(int year, int month, int day) {
    EngineTime.set(LocalDate.of(year, month, day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  /**
   * Completes the step once this running app's job executor has done the case's due jobs: moving the
   * clock makes the step's reminder due, and completing meanwhile is refused as changed just now.
   */
  private void complete(String caseRef, String step, String user, Map<String, Object> values) {
    String run = taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(step)
        .singleResult().getProcessInstanceId();
    await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().processInstanceId(run)
        .executable().count() == 0);
    String taskId = processes.openStep(caseRef, step).orElseThrow(() -> new AssertionError("no open " + step));
    inbox.complete(taskId, user, values);
  }

  private String apiDue(Long id) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/repair-requests/" + id))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((APPLICANT + ":demo")
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(answer.body());
    return body.get("dueDate").asText();
  }

  /** The newest mail to the applicant about the case that names {@code date}, or null. */
  private Notification lastMailNaming(String caseRef, String date) {
    List<Notification> mails = outbox.findByCaseRefOrderByCreatedAt(caseRef).stream()
        .filter(n -> APPLICANT.equals(n.getRecipientUser())).toList();
    for (int i = mails.size() - 1; i >= 0; i--) {
      if (mails.get(i).getBody().contains(date)) {
        return mails.get(i);
      }
    }
    return null;
  }
}
