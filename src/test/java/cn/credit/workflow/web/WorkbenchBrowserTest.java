package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RepairFilings;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.user.AppUserRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviewer's workbench in a real browser: claim from the department's queue, the whole case
 * beside the form with the proof text and the photo (previewed and opened), the draft kept when
 * the page is left; then a transfer, a delegation and its return, and a copy the copied leader
 * finds in 抄送我的.
 */
@RunningAppTest
@NeedsBrowser
class WorkbenchBrowserTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;

  @Test
  void aReviewerWorksTheCaseBesideTheFormAndPassesItOn() throws Exception {
    RepairFilings.Filed repair = new RepairFilings(port, tx, recordService, users, departments)
        .withPhoto("已缴清罚款，除尘设施改造完成并通过验收");

    try (Browser browser = new Browser(port, "1366")) {
      // claimed with the batch claim of the department's queue
      browser.signIn("reviewer.ecology");
      browser.open("/tasks?queue=DEPARTMENT");
      String taskId = awaitRow(browser, repair.caseRef());
      browser.click("#pick-" + taskId);
      browser.screenshot("workbench-department-queue");
      browser.click("#claim-selected");
      browser.waitFor("#tab-MINE.active");
      assertThat(browser.text(".notice")).isEqualTo("已认领所选事项。");

      // the whole case beside the form: proof text, the photo previewed and opened
      browser.open("/tasks/" + taskId);
      browser.waitFor("#workbench-case");
      assertThat(browser.text("#workbench-case")).contains(repair.proof()).contains("整改照片.png").contains("罚款十万元")
          .contains("王明德");
      browser.click("#case-files details.preview summary");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
          .executeScript("var i = document.querySelector('#case-files .preview img'); return i && i.complete ? i.naturalWidth : 0;"))
          .intValue() == 160);
      browser.screenshot("workbench-task-with-case");
      browser.shoot("#case-files", "workbench-files-preview");
      String workbench = browser.driver().getWindowHandle();
      browser.click("#case-files a.file-name");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getWindowHandles().size() == 2);
      List<String> windows = new ArrayList<>(browser.driver().getWindowHandles());
      windows.remove(workbench);
      browser.driver().switchTo().window(windows.get(0));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/attachments/"));
      assertThat(browser.find("img").getAttribute("src")).contains("/attachments/");
      browser.screenshot("workbench-file-opened");
      browser.driver().close();
      browser.driver().switchTo().window(workbench);

      // a draft kept when the page is left
      browser.find("input[name=acceptOutcome][value=accept]").click();
      browser.type("#opinion", "材料齐全，拟受理");
      browser.open("/tasks");
      browser.waitFor("#task-list");
      browser.open("/tasks/" + taskId);
      browser.waitFor("#draft-restored");
      assertThat(browser.find("#opinion").getAttribute("value")).isEqualTo("材料齐全，拟受理");
      assertThat(browser.find("input[name=acceptOutcome][value=accept]").isSelected()).isTrue();
      browser.screenshot("workbench-draft-restored");

      // 转办 to the department's leader
      browser.click("#action-transfer summary");
      new Select(browser.find("#transfer-to")).selectByValue("leader.ecology");
      browser.type("#transfer-reason", "本人出差，请科长办理");
      browser.screenshot("workbench-transfer");
      browser.click("#transfer");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isEqualTo("已转办。");
      browser.signOut();

      // the leader delegates it back to the reviewer for a check
      browser.signIn("leader.ecology");
      browser.open("/tasks/" + taskId);
      browser.waitFor("#action-delegate");
      assertThat(browser.text("#task-assignee")).isEqualTo("leader.ecology");
      assertThat(browser.has("#draft-restored")).as("the reviewer's draft stays the reviewer's").isFalse();
      browser.click("#action-delegate summary");
      new Select(browser.find("#delegate-to")).selectByValue("reviewer.ecology");
      browser.type("#delegate-reason", "请核实验收报告");
      browser.click("#delegate");
      browser.waitFor("#delegated-note");
      browser.screenshot("workbench-delegated-owner");
      browser.signOut();

      // the delegate gives it back with what was found
      browser.signIn("reviewer.ecology");
      browser.open("/tasks/" + taskId);
      browser.waitFor("#resolve-form");
      assertThat(browser.has("#task-form")).as("the delegate gives it back, the owner completes").isFalse();
      browser.type("#resolve-reason", "验收报告经核实无误");
      browser.screenshot("workbench-delegate-resolves");
      browser.click("#resolve");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isEqualTo("已办毕交回。");
      browser.signOut();

      // back with the leader, who copies it to the city leader
      browser.signIn("leader.ecology");
      browser.open("/tasks/" + taskId);
      browser.waitFor("#task-form");
      assertThat(browser.text("#task-assignee")).isEqualTo("leader.ecology");
      browser.click("#action-copy summary");
      new Select(browser.find("#copy-to")).selectByValue("leader.city");
      browser.type("#copy-reason", "重大案件，请知悉");
      browser.click("#copy");
      browser.waitFor("#task-form");
      assertThat(browser.text(".notice")).isEqualTo("已抄送。");
      assertThat(browser.text("#workbench-case")).as("each action in the steps' history")
          .contains("本人出差，请科长办理").contains("请核实验收报告").contains("验收报告经核实无误").contains("重大案件，请知悉");
      browser.screenshot("workbench-after-actions");
      browser.shoot("#workbench-timeline", "workbench-history");
      browser.signOut();

      browser.signIn("leader.city");
      browser.open("/tasks?queue=COPIED");
      browser.waitFor("#task-list");
      assertThat(browser.text("#task-list")).contains(repair.caseRef()).contains("重大案件，请知悉");
      assertThat(Integer.parseInt(browser.text("#count-COPIED"))).isPositive();
      browser.screenshot("workbench-copied-to-me");
    }
  }

  /** The task id of the case's row in the list shown, once the asynchronous steps have put it there. */
  private static String awaitRow(Browser browser, String caseRef) {
    By row = By.xpath("//table[@id='task-list']//tr[td/a[text()='" + caseRef + "']]//input[@name='taskId']");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
      if (d.findElements(row).isEmpty()) {
        d.navigate().refresh();
        return false;
      }
      return true;
    });
    return browser.driver().findElement(row).getAttribute("value");
  }
}
