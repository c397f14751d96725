package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The models as the case page draws them with the app's bpmn-js: lanes, the current and finished
 * steps, the zoom buttons. Writes one picture of each model at full size,
 * {@code target/browser-screenshots/model-*.png}, for a person to look at after a change of layout.
 */
@RunningAppTest
@NeedsBrowser
class ModelDiagramsBrowserTest {

  static final String APPLICANT = "applicant.a";

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired DisputeService disputes;
  @Autowired InboxService inbox;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;
  @Autowired TransactionTemplate tx;

  @Test
  void theCasePageDrawsEachModelInLanesAndZooms() throws Exception {
    String repair = repairWaitingForTheMemberDepartment();
    String dispute = disputeVerifiedWithAnotherDepartment();

    try (Browser browser = new Browser(port, "1280")) {
      browser.signIn("leader.city");
      browser.open("/cases/" + repair);
      browser.waitFor("#diagram[data-ready=true]");
      assertThat(browser.has("#diagram [data-element-id=Lane_Members]")).as("lanes are drawn").isTrue();
      assertThat(browser.has("#diagram .djs-element.current[data-element-id=ConfirmLifting]")).isTrue();
      assertThat(browser.has("#diagram .djs-element.done[data-element-id=VerifyAndDecide]")).isTrue();
      double fitted = zoom(browser);
      browser.click("#zoom-in");
      waitUntil(browser, () -> zoom(browser) > fitted * 1.2);
      browser.click("#zoom-out");
      browser.click("#zoom-out");
      waitUntil(browser, () -> zoom(browser) < fitted);
      browser.click("#zoom-fit");
      waitUntil(browser, () -> Math.abs(zoom(browser) - fitted) < 0.01);
      browser.screenshot("case-page-diagram");

      // full size: a window wide enough for the whole model at scale 1
      browser.resize(3600, 3200);
      modelPicture(browser, "/cases/" + repair, "model-credit-repair");
      modelPicture(browser, "/cases/" + dispute, "model-credit-dispute");
      assertThat(browser.has("#diagram .djs-element.current[data-element-id=VerifyAssisted]")).isTrue();
      assertThat(browser.has("#diagram .djs-element.done[data-element-id=RecordAssistance]")).isTrue();
      // the models carry Chinese names; an English page draws each element's name from the bundle
      modelPicture(browser, "/cases/" + repair + "?lang=en", "model-credit-repair-en");
      assertThat(browser.find("#diagram [data-element-id=AcceptRequest]").getText()).contains("Accept the request");
      modelPicture(browser, "/cases/" + dispute, "model-credit-dispute-en");
      assertThat(browser.find("#diagram [data-element-id=VerifyDispute_OverdueAction]").getText())
          .contains("Overdue: tell leaders");
      browser.open("/cases/" + repair + "?lang=zh_CN");
      for (String model : List.of("commitment-signing")) {
        drawnBesideTheCase(browser, Files.readString(Path.of("processes", model + ".bpmn")));
        assertThat(browser.shoot("#model-view", "model-" + model)).isNotEmptyFile();
      }
    }
  }

  @Test
  void theViewerAndItsStylesAreServedByTheApp() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/js/bpmn-js/bpmn-navigated-viewer.production.min.js",
        "/js/bpmn-js/assets/diagram-js.css", "/js/bpmn-js/assets/bpmn-js.css")) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).isNotBlank();
    }
  }

  private static void modelPicture(Browser browser, String page, String name) throws Exception {
    browser.open(page);
    browser.waitFor("#diagram[data-ready=true]");
    assertThat(zoom(browser)).as(name + " fits at full size in a wide window").isGreaterThan(0.95);
    assertThat(browser.shoot("#diagram", name)).isNotEmptyFile();
  }

  /** The same viewer as the case's, in a panel of its own on the page, for a model no case page shows. */
  private static void drawnBesideTheCase(Browser browser, String xml) {
    ((JavascriptExecutor) browser.driver()).executeScript("""
        var old = document.getElementById('model-view');
        if (old) { old.remove(); }
        var view = document.createElement('div');
        view.id = 'model-view';
        view.className = 'diagram';
        view.style.width = '1560px';
        document.getElementById('diagram').after(view);
        window.caseDiagram.draw(view, { xml: arguments[0], current: [], done: [] });
        """, xml);
    browser.waitFor("#model-view[data-ready=true]");
  }

  private static double zoom(Browser browser) {
    return Double.parseDouble(browser.find("#diagram").getAttribute("data-zoom"));
  }

  private static void waitUntil(Browser browser, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
  }

  private String repairWaitingForTheMemberDepartment() {
    RepairRequest request = repairs.file(APPLICANT, record("ecology", "tax"), "已缴清罚款并完成整改");
    repairs.sign(request.getId(), APPLICANT, "王明德", true);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology", Map.of("decision", "grant"));
    return request.getCaseRef();
  }

  private String disputeVerifiedWithAnotherDepartment() {
    Dispute dispute = disputes.file(APPLICANT, record("safety"), "INCONSISTENT_WITH_SOURCE", "与登记信息不一致",
        "登记证明");
    disputes.sign(dispute.getId(), APPLICANT, "王明德", true);
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.safety", Map.of("outcome", "assist",
        "reasons", "需市场监管局核对登记信息", "assistDepartment", "market"));
    complete(dispute.getCaseRef(), "AssistVerification", "reviewer.market", Map.of("assistFindings", "登记信息一致"));
    return dispute.getCaseRef();
  }

  /**
   * Completes the step once the job executor of this running app has done the case's due async
   * steps (a parallel branch's join): completing meanwhile is refused as changed just now, rightly.
   */
  private void complete(String caseRef, String taskKey, String user, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as(taskKey + " of " + caseRef).isNotNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
        .processInstanceId(task.getProcessInstanceId()).executable().count() == 0);
    inbox.complete(task.getId(), user, values);
  }

  private Long record(String department, String... members) {
    return new TestRecords(tx, users, departments, recordService).publish(APPLICANT, "图〔" + System.nanoTime() + "〕号",
        department, Severity.GENERAL, 200, members);
  }
}
