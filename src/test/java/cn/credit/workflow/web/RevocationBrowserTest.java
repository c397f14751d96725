package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A revoked decision in a real browser (令 36 art. 19): the applicant reports it with the judgment;
 * the deciding department withdraws the record from its queue; it leaves the public page; the
 * applicant reads the outcome; the department's record page shows the withdrawal with the judgment.
 */
@RunningAppTest
@NeedsBrowser
class RevocationBrowserTest {

  static final String USCC_A = "91370100MA3C4K5N0R";

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;

  @Test
  void applicantReportsTheJudgmentAndTheDepartmentWithdrawsTheRecord() throws Exception {
    String number = "济环罚字〔2026〕C" + (System.nanoTime() % 100000) + "号";
    Long recordId = record(number);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Path judgment = Files.createTempFile("行政判决书", ".pdf");
    Files.writeString(judgment, "%PDF-1.4\n% the judgment\n");

    try (Browser browser = new Browser(port, "1280")) {
      // 1. The applicant reports, with the judgment; an empty form comes back with every message.
      browser.signIn("applicant.a");
      browser.waitFor("#my-records");
      browser.click("#revocation-" + recordId);
      browser.waitFor("#revocation-form");
      browser.click("#submit-revocation");
      browser.waitFor(".field.invalid");
      assertThat(browser.text("#revocation-form")).contains("请选择原决定是被撤销还是被变更")
          .contains("请填写作出撤销或变更决定的机关").contains("请填写撤销或变更决定的文书号")
          .contains("请填写撤销或变更决定的日期").contains("请上传判决书、复议决定书等撤销或变更决定的文书");
      browser.screenshot("revocation-applicant-empty-form");
      browser.click("#changeKind-REVOKED");
      browser.type("#authority", "济南市中级人民法院");
      browser.type("#document", "（2026）鲁01行终12号");
      // a date picker's typing depends on the browser's locale: the value is set as the picker would
      ((JavascriptExecutor) browser.driver()).executeScript(
          "document.getElementById('documentDate').value = arguments[0];", today.toString());
      browser.type("#statement", "二审判决撤销原行政处罚决定。");
      browser.find("#files").sendKeys(judgment.toString());
      browser.screenshot("revocation-applicant-form");
      browser.click("#submit-revocation");
      browser.waitFor("#case-ref");
      String caseRef = browser.text("#case-ref");
      assertThat(caseRef).startsWith("C-");
      assertThat(browser.text("#case-state")).isEqualTo("认定单位办理中");
      assertThat(browser.text("#attachments")).contains(".pdf");
      String casePath = browser.path();
      browser.screenshot("revocation-applicant-reported");
      browser.signOut();

      // 2. The ecology reviewer withdraws the record from the department's queue.
      browser.signIn("reviewer.ecology");
      browser.claimFromTheDepartmentQueue(caseRef);
      browser.find("input[name=outcome][value=withdraw]").click();
      browser.type("#reasons", "二审判决撤销原处罚决定，撤回该失信信息。");
      browser.screenshot("revocation-department-decision");
      browser.click("#complete");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isEqualTo("已办结。");
      browser.open("/cases/" + caseRef);
      browser.waitFor("#diagram[data-ready=true]");
      assertThat(browser.text("#case-state")).isEqualTo("失信信息已撤回");
      assertThat(browser.text("#revoking-document")).contains("（2026）鲁01行终12号").contains(today.toString());
      assertThat(browser.has("#diagram .djs-element.done[data-element-id=WithdrawRecord]")).isTrue();
      browser.screenshot("revocation-department-case-page");
      // the record's page keeps the withdrawal with the judgment, its date and the reason
      browser.open("/records/" + recordId);
      browser.waitFor("#history");
      assertThat(browser.text("#history")).contains("（2026）鲁01行终12号 " + today).contains("二审判决撤销原处罚决定");
      assertThat(browser.has("#withdraw-form")).as("nothing left to withdraw").isFalse();
      browser.screenshot("revocation-department-record-page");
      browser.signOut();

      // 3. The public page no longer shows the record.
      browser.open("/public/entities/" + USCC_A);
      browser.waitFor("h1");
      assertThat(browser.driver().getPageSource()).doesNotContain(number);

      // 4. The applicant reads the outcome.
      browser.signIn("applicant.a");
      browser.open(casePath);
      browser.waitFor("#case-ref");
      assertThat(browser.text("#case-state")).isEqualTo("失信信息已撤回");
      assertThat(browser.text("#record-state")).isEqualTo("已撤销");
      assertThat(browser.driver().getPageSource()).doesNotContain("reviewer.ecology");
      browser.screenshot("revocation-applicant-withdrawn");
      browser.signOut();
    }
  }

  private Long record(String number) {
    return new TestRecords(tx, users, departments, recordService).publish("applicant.a", number, "ecology",
        Severity.GENERAL, 200);
  }
}
