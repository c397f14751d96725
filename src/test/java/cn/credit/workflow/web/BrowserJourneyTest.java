package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTime;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.oversight.Escalation;
import cn.credit.workflow.oversight.EscalationLevel;
import cn.credit.workflow.oversight.EscalationRepository;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole journey in a real browser: the applicant files a repair request with a proof file and
 * signs; the department's reviewer claims and completes acceptance and decision; the record leaves
 * the public list; the city leader sees an overdue case and urges it; the applicant reads the result.
 */
@RunningAppTest
@NeedsBrowser
@Tag("database") // also on MySQL/MariaDB in CI: the work items, files (longblob) and pages there
class BrowserJourneyTest {

  static final String USCC_A = "91370100MA3C4K5N0R";

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DishonestyRecordRepository records;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired EscalationRepository escalations;
  @Autowired TransactionTemplate tx;

  @Test
  void applicantReviewerPublicLeaderApplicant() throws Exception {
    Long recordId = record("济环罚字〔2026〕B01号", "ecology", Severity.GENERAL, 200, "tax");
    Path proof = Files.createTempFile("整改证明", ".pdf");
    Files.writeString(proof, "%PDF-1.4\n% proof of the correction\n");
    Path notPdf = Files.createTempFile("伪装", ".pdf");
    Files.writeString(notPdf, "just text, not a PDF");

    try (Browser browser = new Browser(port, "1280")) {
      // 1. The applicant: my records, a request with a proof file, the commitment signed.
      browser.signIn("applicant.a");
      browser.waitFor("#my-records");
      assertThat(browser.path()).isEqualTo("/portal");
      browser.screenshot("applicant-records");
      browser.click("#repair-" + recordId);
      browser.waitFor("#repair-form");
      browser.click("#submit-repair");
      browser.waitFor(".field.invalid");
      assertThat(browser.text("#repair-form")).as("an empty request comes back with the message beside the field")
          .contains("请说明失信行为的纠正情况");
      browser.type("#proof", "已缴清罚款并完成整改，污染防治设施已验收。");
      browser.find("#files").sendKeys(notPdf.toString());
      browser.click("#submit-repair");
      browser.waitFor(".field.invalid");
      assertThat(browser.text("#repair-form")).contains("内容与文件类型不符");
      assertThat(browser.find("#proof").getAttribute("value")).as("the input is kept").contains("污染防治设施已验收");
      browser.screenshot("applicant-request-refused-file");
      browser.find("#files").sendKeys(proof.toString());
      browser.click("#submit-repair");
      browser.waitFor("#commitment-text");
      assertThat(browser.text("#commitment-text")).contains("济南明德建材有限公司");
      browser.screenshot("applicant-commitment");
      browser.type("#signatoryName", "王明德");
      browser.click("#accepted");
      browser.click("#sign");
      browser.waitFor("#case-ref");
      String caseRef = browser.text("#case-ref");
      assertThat(browser.text("#case-state")).isEqualTo("受理审查中");
      assertThat(browser.text("#attachments")).contains(".pdf");
      browser.screenshot("applicant-case-filed");
      browser.signOut();

      // 2. The ecology reviewer: the department queue, claim, acceptance, decision.
      browser.signIn("reviewer.ecology");
      browser.waitFor("#task-list");
      browser.click("#tab-DEPARTMENT");
      browser.waitFor("#task-list");
      browser.screenshot("reviewer-department-queue");
      openTaskOf(browser, caseRef);
      browser.click("#claim");
      browser.waitFor("#task-form");
      browser.click("#complete");
      browser.waitFor(".field.invalid");
      assertThat(browser.text("#field-acceptOutcome .message")).isEqualTo("必填");
      browser.screenshot("reviewer-acceptance-refused");
      browser.find("input[name=acceptOutcome][value=accept]").click();
      browser.screenshot("reviewer-acceptance");
      browser.click("#complete");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isEqualTo("已办结。");
      browser.click("#tab-DEPARTMENT");
      browser.waitFor("#task-list");
      openTaskOf(browser, caseRef);
      browser.click("#claim");
      browser.waitFor("#task-form");
      browser.find("input[name=decision][value=grant]").click();
      browser.screenshot("reviewer-decision");
      browser.click("#complete");
      browser.waitFor("#task-list");
      browser.click("#tab-DONE");
      browser.waitFor("#task-list");
      assertThat(browser.text("#task-list")).contains(caseRef);
      browser.screenshot("reviewer-done");
      browser.open("/cases/" + caseRef);
      browser.waitFor("#diagram[data-ready=true]");
      assertThat(browser.has("#diagram .djs-element.done")).as("finished steps are marked on the diagram").isTrue();
      browser.screenshot("reviewer-case-page");
      browser.signOut();

      // 3. The public page: the record no longer published, listed as stopped.
      browser.open("/public/entities/" + USCC_A);
      browser.waitFor("#stopped");
      assertThat(browser.text("#published")).doesNotContain("济环罚字〔2026〕B01号");
      assertThat(browser.text("#stopped")).contains("济环罚字〔2026〕B01号");
      browser.screenshot("public-entity");

      // 4. An overdue case: another request, then the clock goes past its acceptance deadline.
      String lateCase = fileAndSign("济市监罚〔2026〕B02号", "market");
      try {
        EngineTime.advance(Duration.ofDays(30));
        browser.signIn("leader.city");
        browser.waitFor("#department-chart");
        WebElement row = browser.driver().findElement(By.cssSelector("#overdue tr[data-case='" + lateCase + "']"));
        assertThat(row.getText()).contains("超期");
        browser.screenshot("leader-overdue");
        row.findElement(By.name("message")).sendKeys("请于今日内办结");
        row.findElement(By.cssSelector("button.urge")).click();
        browser.waitFor(".notice");
        assertThat(browser.text(".notice")).contains("已催办");
        browser.screenshot("leader-urged");
        browser.signOut();
      } finally {
        EngineTime.reset();
      }
      assertThat(escalations.findByCaseRefOrderById(lateCase)).filteredOn(e -> e.getLevel() == EscalationLevel.URGE)
          .extracting(Escalation::getActor, Escalation::getMessage).containsExactly(
              org.assertj.core.groups.Tuple.tuple("leader.city", "请于今日内办结"));

      // 5. The applicant reads the result and opens the decision letter.
      browser.signIn("applicant.a");
      browser.waitFor("#my-cases");
      browser.driver().findElement(By.linkText(caseRef)).click();
      browser.waitFor("#letter-link");
      assertThat(browser.text("#case-state")).contains("准予修复");
      browser.screenshot("applicant-result");
      browser.click("#letter-link");
      assertThat(browser.driver().getPageSource()).contains(caseRef);
      browser.screenshot("applicant-letter");
    }
    assertThat(records.findById(recordId).orElseThrow().getState()).isEqualTo(PublicationState.STOPPED);
  }

  @Test
  void portalWorksOnAPhoneScreen() throws Exception {
    try (Browser browser = new Browser(port, "390")) {
      browser.signIn("applicant.b");
      browser.waitFor("#my-records");
      Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
      browser.screenshot("phone-portal");
      assertThat(overflow).as("the page fits a phone's width without sideways scrolling").isEqualTo(false);
      browser.click("#lang-switch");
      browser.waitFor("#my-records");
      assertThat(browser.text("h1")).isEqualTo("My credit");
      browser.screenshot("phone-portal-english");
    }
  }

  private static void openTaskOf(Browser browser, String caseRef) {
    // the step's link (the department's queue has a column to pick rows before it)
    browser.driver().findElement(By.xpath("//table[@id='task-list']//tr[td/a[text()='" + caseRef + "']]//a[starts-with(@href, '/tasks/')]"))
        .click();
    browser.waitFor("#case-link");
  }

  private String fileAndSign(String number, String department) {
    Long recordId = record(number, department, Severity.GENERAL, 200);
    RepairRequest request = repairs.file("applicant.a", recordId, "已整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    return request.getCaseRef();
  }

  private Long record(String number, String department, Severity severity, int daysAgo, String... members) {
    return new TestRecords(tx, users, departments, recordService).publish("applicant.a", number, department, severity,
        daysAgo, members);
  }
}
