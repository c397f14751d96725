package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bankruptcy shielding in a real browser: the applicant asks with the court's ruling; the deciding
 * department shields the record; it leaves the public page; the applicant reads the decision; the
 * credit office registers that the court ended the plan and the record is back.
 */
@RunningAppTest
@NeedsBrowser
class ShieldingBrowserTest {

  static final String USCC_A = "91370100MA3C4K5N0R";

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;

  @Test
  void applicantAsksDepartmentShieldsCreditOfficeRegistersTheCourtsEnd() throws Exception {
    String number = "济环罚字〔2026〕S" + (System.nanoTime() % 100000) + "号";
    Long recordId = record(number);
    Path ruling = Files.createTempFile("受理重整申请裁定书", ".pdf");
    Files.writeString(ruling, "%PDF-1.4\n% the court's ruling\n");

    try (Browser browser = new Browser(port, "1280")) {
      // 1. The applicant asks, with the court's ruling; an empty form comes back with every message.
      browser.signIn("applicant.a");
      browser.waitFor("#my-records");
      browser.click("#shielding-" + recordId);
      browser.waitFor("#shielding-form");
      browser.click("#submit-shielding");
      browser.waitFor(".field.invalid");
      assertThat(browser.text("#shielding-form")).contains("请选择司法程序").contains("请填写受理破产案件的法院")
          .contains("请填写法院案号").contains("请上传法院受理重整或和解的裁定书等文书");
      browser.screenshot("shielding-applicant-empty-form");
      new Select(browser.find("#procedure")).selectByValue("REORGANISATION");
      browser.type("#court", "济南市中级人民法院");
      browser.type("#courtCaseNumber", "（2026）鲁01破12号");
      browser.type("#statement", "法院已裁定受理本单位重整申请，管理人已接管。");
      browser.find("#files").sendKeys(ruling.toString());
      browser.screenshot("shielding-applicant-form");
      browser.click("#submit-shielding");
      browser.waitFor("#case-ref");
      String caseRef = browser.text("#case-ref");
      assertThat(caseRef).startsWith("S-");
      assertThat(browser.text("#case-state")).isEqualTo("认定单位审核中");
      assertThat(browser.text("#attachments")).contains(".pdf");
      String casePath = browser.path();
      browser.screenshot("shielding-applicant-filed");
      browser.signOut();

      // 2. The ecology reviewer decides in the department's queue.
      browser.signIn("reviewer.ecology");
      browser.claimFromTheDepartmentQueue(caseRef);
      browser.find("input[name=decision][value=shield]").click();
      browser.type("#reasons", "已提交法院受理重整申请裁定书，符合临时屏蔽条件。");
      browser.screenshot("shielding-department-decision");
      browser.click("#complete");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isEqualTo("已办结。");
      browser.open("/cases/" + caseRef);
      browser.waitFor("#diagram[data-ready=true]");
      assertThat(browser.text("#case-state")).isEqualTo("已临时屏蔽");
      assertThat(browser.text("#court-case-number")).isEqualTo("（2026）鲁01破12号");
      assertThat(browser.find("#record-history").getAttribute("textContent")).contains("临时屏蔽（破产重整、和解）");
      browser.screenshot("shielding-department-case-page");
      browser.signOut();

      // 3. The public page no longer shows the record.
      browser.open("/public/entities/" + USCC_A);
      browser.waitFor("h1");
      assertThat(browser.driver().getPageSource()).doesNotContain(number);
      browser.screenshot("shielding-public-page-without-the-record");

      // 4. The applicant reads the decision letter.
      browser.signIn("applicant.a");
      browser.open(casePath);
      browser.waitFor("#case-ref");
      assertThat(browser.text("#case-state")).isEqualTo("已临时屏蔽");
      assertThat(browser.text("#record-state")).isEqualTo("临时屏蔽（破产重整、和解）");
      browser.screenshot("shielding-applicant-shielded");
      browser.click("#letter-link");
      browser.waitFor("h1");
      assertThat(browser.driver().getPageSource()).contains("信用信息临时屏蔽决定书").contains("准予临时屏蔽");
      browser.screenshot("shielding-applicant-letter");
      browser.open(casePath); // the printable letter has no menu to sign out from
      browser.waitFor("#case-ref");
      browser.signOut();

      // 5. The court ends the plan unsuccessfully: the credit office registers it and the record is back.
      browser.signIn("reviewer.credit-office");
      browser.claimFromTheDepartmentQueue(caseRef);
      browser.find("input[name=courtEnd][value=FAILED]").click();
      browser.type("#courtRuling", "（2026）鲁01破12号之三");
      browser.screenshot("shielding-credit-office-court-end");
      browser.click("#complete");
      browser.waitFor("#task-list");
      // the model as the case page draws it, every step taken on this path marked done
      browser.resize(1600, 1400);
      browser.open("/cases/" + caseRef);
      browser.waitFor("#diagram[data-ready=true]");
      assertThat(browser.text("#case-state")).isEqualTo("已恢复公示");
      assertThat(browser.has("#diagram .djs-element.done[data-element-id=RestorePublication]")).isTrue();
      assertThat(browser.shoot("#diagram", "model-bankruptcy-shielding")).isNotEmptyFile();
      browser.signOut();
      browser.open("/public/entities/" + USCC_A);
      browser.waitFor("h1");
      assertThat(browser.driver().getPageSource()).contains(number);
      browser.screenshot("shielding-public-page-record-back");
    }
  }

  private Long record(String number) {
    return tx.execute(s -> recordService.publish(new RecordFacts(users.findById("applicant.a").orElseThrow().getEntity(),
        departments.getReferenceById("ecology"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, number, "超标排放",
        "罚款人民币二十万元", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()), "test").getId());
  }
}
