package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.RepairFilings;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.user.AppUserRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 退回 in a real browser (ADR 0008): the leader returns a serious record's grant to the previous step
 * with a reason (refused without one); the reviewer who granted it finds the step back in 我的待办,
 * sees who returned it and why beside the form and in the case's history, is mailed the reason, and
 * decides again; the leader then signs off.
 */
@RunningAppTest
@NeedsBrowser
class ReturnBrowserTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;
  @Autowired TaskService taskService;
  @Autowired InboxService inbox;
  @Autowired NotificationRepository outbox;

  @Test
  void theLeaderReturnsTheGrantToThePreviousStepAndTheReviewerDecidesAgain() throws Exception {
    RepairFilings.Filed repair = new RepairFilings(port, tx, recordService, users, departments)
        .withPhoto("已缴清罚款，除尘设施改造完成并通过验收");
    // accepted and granted as the workbench test walks it; here the return is the walk
    inbox.complete(awaitTask(repair.caseRef(), "AcceptRequest").getId(), "reviewer.ecology",
        Map.of("acceptOutcome", "accept"));
    inbox.complete(awaitTask(repair.caseRef(), "VerifyAndDecide").getId(), "reviewer.ecology",
        Map.of("decision", "grant", "opinion", "整改到位，拟准予修复"));
    String signOff = awaitTask(repair.caseRef(), "LeaderSignOff").getId();

    try (Browser browser = new Browser(port, "1366")) {
      browser.signIn("leader.ecology");
      browser.open("/tasks/" + signOff);
      browser.waitFor("#task-form");
      browser.find("input[name=signOffApproved][value=false]").click();
      browser.click("#complete");
      browser.waitFor("#task-form .field.invalid");
      assertThat(browser.text("#task-form")).as("a return needs its reason").contains("签批意见");
      browser.type("#signOffComment", "验收报告缺少监测数据，请补充核查后再报");
      browser.screenshot("return-leader-returns");
      browser.click("#complete");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isEqualTo("已办结。");
      browser.signOut();

      // the reviewer who granted it has it back, in 我的待办, with who returned it and why
      String returned = awaitTask(repair.caseRef(), "VerifyAndDecide").getId();
      browser.signIn("reviewer.ecology");
      browser.open("/tasks?queue=MINE");
      browser.waitFor("#task-list");
      assertThat(browser.text("#task-list")).contains(repair.caseRef());
      browser.open("/tasks/" + returned);
      browser.waitFor("#returns");
      assertThat(browser.text("#task-assignee")).isEqualTo("reviewer.ecology");
      assertThat(browser.text("#returns")).contains("leader.ecology 从「领导签批」退回")
          .contains("退回理由：验收报告缺少监测数据，请补充核查后再报");
      assertThat(browser.text("#workbench-timeline")).as("in the case's history")
          .contains("领导签批 退回至「核查并作出决定」· reviewer.ecology：验收报告缺少监测数据，请补充核查后再报");
      browser.screenshot("return-reviewer-sees-reason");
      browser.shoot("#returns", "return-reason-panel");
      browser.shoot("#workbench-timeline", "return-history");
      // in English, and on a phone, without horizontal scrolling
      browser.open("/tasks/" + returned + "?lang=en");
      browser.waitFor("#returns");
      assertThat(browser.text("#returns")).contains("leader.ecology returned it from “Leader's sign-off”")
          .contains("Reason").contains("验收报告缺少监测数据，请补充核查后再报");
      browser.resize(390, 844);
      browser.open("/tasks/" + returned + "?lang=zh");
      browser.waitFor("#returns");
      assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
          "return document.documentElement.scrollWidth > window.innerWidth + 1;")).as("no horizontal scrolling at 390 px")
          .isFalse();
      browser.shoot("#returns", "return-reason-panel-390");
      browser.resize(1366, 900);
      List<Notification> mails = outbox.findByCaseRefOrderByCreatedAt(repair.caseRef()).stream()
          .filter(n -> "reviewer.ecology".equals(n.getRecipientUser()) && n.getSubject().contains("退回")).toList();
      assertThat(mails).singleElement().satisfies(m -> assertThat(m.getBody())
          .contains("验收报告缺少监测数据，请补充核查后再报").contains("/tasks/" + returned));

      // decides again, and the leader signs off this time
      browser.find("input[name=decision][value=grant]").click();
      browser.type("#opinion", "已补充监测数据，达标");
      browser.click("#complete");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isEqualTo("已办结。");
      browser.signOut();

      browser.signIn("leader.ecology");
      browser.open("/tasks/" + awaitTask(repair.caseRef(), "LeaderSignOff").getId());
      browser.waitFor("#task-form");
      browser.find("input[name=signOffApproved][value=true]").click();
      browser.click("#complete");
      browser.waitFor("#task-list");
      browser.open("/cases/" + repair.caseRef());
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
        d.navigate().refresh();
        return d.getPageSource().contains("已补充监测数据，达标");
      });
      browser.screenshot("return-case-after-sign-off");
    }
  }

  /** The open task of this step of the case, once the asynchronous steps have made it. */
  private Task awaitTask(String caseRef, String stepKey) {
    return await("an open " + stepKey + " of " + caseRef).atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100)).until(() -> taskService.createTaskQuery()
            .processInstanceBusinessKey(caseRef).taskDefinitionKey(stepKey).list().stream().findFirst().orElse(null),
            Objects::nonNull);
  }
}
