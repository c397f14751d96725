package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.EngineTime;
import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RepairFilings;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.notification.MailKind;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.record.JointMeasure;
import cn.credit.workflow.record.JointMeasures;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The everyday actions around a decision, walked in a real browser as the people involved do them:
 * a decider asks another department for an opinion and reads it beside the form; a department
 * leader is mailed a sign-off, finds it on landing and through the mail's link, and the member
 * departments then see the measures they lift; a leader urges an overdue step from /oversight and
 * the assignee finds the row marked with the leader's words.
 */
@RunningAppTest
@NeedsBrowser
class EverydayActionsBrowserTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired RepairService repairs;
  @Autowired InboxService inbox;
  @Autowired JointMeasures measures;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired NotificationRepository outbox;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;
  @Autowired TransactionTemplate tx;

  @Test
  void aDeciderAsksAnotherDepartmentForAnOpinionAndReadsItBeforeDeciding() throws Exception {
    RepairFilings.Filed repair = new RepairFilings(port, tx, recordService, users, departments)
        .withPhoto("已缴清罚款，除尘设施改造完成");
    String taskId = new HttpTestClient(port).awaitTask("reviewer.ecology", repair.id(), "AcceptRequest").get("id").asText();

    try (Browser browser = new Browser(port, "1366")) {
      browser.signIn("reviewer.ecology");
      browser.open("/tasks/" + taskId);
      browser.waitFor("#claim");
      browser.click("#claim");
      browser.waitFor("#task-form");
      // the tax bureau concerns the case in no way: its officer is found under the department's name
      browser.click("#action-consult summary");
      WebElement taxGroup = browser.find("#consult-to optgroup[label='市税务局']");
      assertThat(taxGroup.findElements(By.cssSelector("option")))
          .extracting(o -> o.getAttribute("value")).contains("reviewer.tax", "leader.tax");
      new Select(browser.find("#consult-to")).selectByValue("reviewer.tax");
      browser.type("#consult-reason", "该企业是否仍有欠缴税款？");
      browser.screenshot("consult-asked");
      browser.click("#consult");
      browser.waitFor("#consultations");
      assertThat(browser.text(".notice")).isEqualTo("已发出征求意见，对方回复后显示在本页。");
      assertThat(browser.text("#consultations")).contains("该企业是否仍有欠缴税款？").contains("待回复");
      browser.signOut();

      // the tax officer finds the question in 抄送我的, reads the case, and answers
      browser.signIn("reviewer.tax");
      browser.open("/tasks?queue=COPIED");
      browser.waitFor("#task-list");
      assertThat(Integer.parseInt(browser.text("#count-COPIED"))).isPositive();
      WebElement row = browser.driver().findElement(By.xpath(
          "//table[@id='task-list']//tr[td/a[text()='" + repair.caseRef() + "']]"));
      assertThat(row.getText()).contains("该企业是否仍有欠缴税款？");
      row.findElement(By.linkText(repair.caseRef())).click();
      browser.waitFor("#case-ref");
      assertThat(browser.text("body")).as("asked, the officer may read the case to answer knowing it")
          .contains(repair.proof()).contains("整改照片.png");
      assertThat(browser.has(".open-task")).as("reading only: the step is not the tax bureau's to work").isFalse();
      assertThat(browser.text("#case-expected")).as("an open case names its expected completion").isNotBlank();
      browser.screenshot("consult-guest-reads-case");
      browser.driver().navigate().back();
      browser.waitFor("#task-list");
      row = browser.driver().findElement(By.xpath("//table[@id='task-list']//tr[td/a[text()='" + repair.caseRef() + "']]"));
      WebElement answer = row.findElement(By.cssSelector("textarea[name=reason]"));
      answer.sendKeys("经查，该企业已结清全部税款，无欠缴。");
      row.findElement(By.cssSelector("button[id^=answer-send-]")).click();
      browser.waitFor(".notice");
      assertThat(browser.text(".notice")).isEqualTo("意见已回复。");
      assertThat(browser.text("#task-list")).as("the officer reads what they answered, and who asked by name")
          .contains("经查，该企业已结清全部税款，无欠缴。").contains("市生态环境局经办人");
      browser.screenshot("consult-answered");
      browser.signOut();

      // the decider reads the opinion beside the form, then decides
      browser.signIn("reviewer.ecology");
      browser.open("/tasks/" + taskId);
      browser.waitFor("#consultations");
      assertThat(browser.text("#consultations")).contains("经查，该企业已结清全部税款，无欠缴。")
          .contains("市税务局经办人").doesNotContain("待回复");
      assertThat(browser.has("#task-form")).isTrue();
      browser.screenshot("consult-opinion-beside-form");
      browser.find("input[name=acceptOutcome][value=accept]").click();
      browser.type("#opinion", "税务局意见无欠缴，予以受理");
      browser.click("#complete");
      browser.waitFor("#task-list");
      assertThat(browser.text(".notice")).isNotBlank();
    }
    assertThat(outbox.findByCaseRefOrderByCreatedAt(repair.caseRef())).filteredOn(m -> m.getKind() == MailKind.TASK_ACTION)
        .extracting(Notification::getRecipientUser).as("the officer asked, then the decider, are mailed")
        .containsExactly("reviewer.tax", "reviewer.ecology");
  }

  @Test
  void aLeaderIsMailedTheSignOffFindsItOnLandingAndTheMembersSeeTheMeasuresToLift() throws Exception {
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("ecology"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "济环罚〔2026〕L" + System.nanoTime() % 1_000_000 + "号",
        "超标排放", "罚款二十万元", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(400), null,
        Set.of(departments.getReferenceById("tax"), departments.getReferenceById("market"))), "test").getId());
    RepairRequest request = repairs.file("applicant.a", recordId, "已缴清罚款，完成整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    String caseRef = request.getCaseRef();
    inbox.complete(task(caseRef, "AcceptRequest", null), "reviewer.ecology", new HashMap<>(Map.of("acceptOutcome", "accept")));
    inbox.complete(task(caseRef, "VerifyAndDecide", null), "reviewer.ecology",
        new HashMap<>(Map.of("decision", "grant", "decisionReasons", "整改到位")));
    String signOff = task(caseRef, "LeaderSignOff", null);
    // the leader has work of their own already: a colleague passed them an acceptance
    RepairFilings.Filed own = new RepairFilings(port, tx, recordService, users, departments).withPhoto("已整改，请科长审");
    HttpTestClient api = new HttpTestClient(port);
    String ownTask = api.awaitTask("reviewer.ecology", own.id(), "AcceptRequest").get("id").asText();
    assertThat(api.postJson("/api/tasks/" + ownTask + "/claim", "reviewer.ecology", "{}").statusCode()).isEqualTo(200);
    assertThat(api.postJson("/api/tasks/" + ownTask + "/transfer", "reviewer.ecology",
        "{\"to\":[\"leader.ecology\"],\"reason\":\"请科长办理\"}").statusCode()).isEqualTo(200);

    // the leader's own mail, with the link to the step
    Notification mail = await().atMost(Duration.ofSeconds(30)).until(() -> outbox.findByCaseRefOrderByCreatedAt(caseRef)
        .stream().filter(n -> n.getKind() == MailKind.TASK_ARRIVED && "leader.ecology".equals(n.getRecipientUser())
            && n.getDedupKey().startsWith("task-arrived:" + signOff + "/")).findFirst().orElse(null), m -> m != null);
    assertThat(mail.getSubject()).contains("领导签批");
    Matcher link = Pattern.compile("https?://[^/\"\\s]+(/tasks/" + signOff + ")").matcher(mail.getBody());
    assertThat(link.find()).as(mail.getBody()).isTrue();

    try (Browser browser = new Browser(port, "1366")) {
      // landing: their own work, and below it the sign-off waiting to be claimed
      browser.signIn("leader.ecology");
      browser.waitFor("#task-list");
      assertThat(browser.path()).startsWith("/tasks");
      assertThat(browser.find("#tab-MINE").getAttribute("class")).contains("active");
      assertThat(browser.text("#task-list")).contains(own.caseRef());
      assertThat(browser.find("#waiting-list").findElements(By.cssSelector("a[href='/tasks/" + signOff + "']")))
          .as("the sign-off is seen on landing").isNotEmpty();
      assertThat(browser.text("#waiting")).contains(caseRef).contains("领导签批");
      browser.screenshot("leader-lands-on-sign-off");
      browser.signOut();

      // the mail's link, followed signed out: the sign-in, then the step itself
      browser.open(link.group(1));
      browser.waitFor("#username");
      browser.type("#username", "leader.ecology");
      browser.type("#password", "demo");
      browser.click("button[type=submit]");
      browser.waitFor("#task-form");
      assertThat(browser.path()).as("the step itself, after the sign-in").startsWith("/tasks/" + signOff);
      browser.screenshot("leader-follows-mail-link");
      browser.find("input[name=signOffApproved][value=true]").click();
      browser.type("#signOffComment", "同意修复");
      browser.click("#complete");
      browser.waitFor("#task-list");
      browser.signOut();

      // each member department sees the measures it lifts; the case page lists every member's
      List<JointMeasure> taxMeasures = measures.toLift(recordId, "tax");
      assertThat(taxMeasures).as("the demo tax bureau has measures for penalties").isNotEmpty();
      String confirm = task(caseRef, "ConfirmLifting", "tax");
      browser.signIn("reviewer.tax");
      browser.open("/tasks/" + confirm);
      browser.waitFor("#ownMeasures");
      assertThat(browser.driver().findElements(By.cssSelector("#ownMeasures li"))).extracting(WebElement::getText)
          .containsExactlyElementsOf(taxMeasures.stream().map(JointMeasure::getNameZh).toList());
      assertThat(browser.text("#measures-market")).as("the case beside it names the other member's too")
          .contains(measures.toLift(recordId, "market").get(0).getNameZh());
      browser.screenshot("confirm-lifting-measures");
      browser.resize(390, 1000);
      browser.open("/tasks/" + confirm);
      browser.waitFor("#ownMeasures");
      assertNoHorizontalScroll(browser);
      browser.screenshot("confirm-lifting-measures-390");
      browser.resize(1366, 1000);
      browser.open("/tasks/" + confirm + "?lang=en");
      browser.waitFor("#ownMeasures");
      assertThat(browser.text("#ownMeasures")).contains(taxMeasures.get(0).getNameEn());
      browser.open("/cases/" + caseRef + "?lang=zh");
      browser.waitFor("#measures");
      assertThat(browser.text("#measures-tax")).contains(taxMeasures.get(0).getNameZh());

      // both members confirm: the finished case names no expected completion, on the page or in the API
      for (String member : List.of("tax", "market")) {
        inbox.complete(task(caseRef, "ConfirmLifting", member), "reviewer." + member,
            new HashMap<>(Map.of("liftedMeasures", "true", "liftingNote", "已解除")));
      }
      api.awaitJson("/api/repair-requests/" + request.getId(), "applicant.a",
          r -> r.get("state").asText().equals("COMPLETED"));
      assertThat(api.get("/api/repair-requests/" + request.getId(), "applicant.a", "application/json").body())
          .contains("\"dueDate\":null");
      browser.open("/cases/" + caseRef);
      browser.waitFor("#case-ref");
      assertThat(browser.has("#case-expected")).isFalse();
      assertThat(browser.text("body")).doesNotContain("预计办结");
    }
  }

  @Test
  void aLeaderUrgesAnOverdueStepAndTheAssigneeSeesTheRowMarkedWithTheWords() throws Exception {
    RepairFilings.Filed repair = new RepairFilings(port, tx, recordService, users, departments).withPhoto("已整改");
    HttpTestClient api = new HttpTestClient(port);
    String taskId = api.awaitTask("reviewer.ecology", repair.id(), "AcceptRequest").get("id").asText();
    assertThat(api.postJson("/api/tasks/" + taskId + "/claim", "reviewer.ecology", "{}").statusCode()).isEqualTo(200);
    try {
      // the acceptance (3 working days) overdue by a few working days; no further, as every open step
      // of the shared application moves with the clock
      EngineTime.advance(Duration.ofDays(10));
      String run = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
      // the job executor marks it overdue and escalates it as the days passed would have
      await().atMost(Duration.ofSeconds(90)).until(() -> management.createJobQuery().processInstanceId(run)
          .executable().count() == 0);

      try (Browser browser = new Browser(port, "1366")) {
        browser.signIn("leader.ecology");
        browser.open("/oversight");
        browser.waitFor("#overdue");
        WebElement row = browser.find("#overdue tr[data-case='" + repair.caseRef() + "']");
        assertThat(row.getText()).contains("reviewer.ecology").contains("超期");
        row.findElement(By.cssSelector("input[name=message]")).sendKeys("请今日办结，明早报结果");
        browser.screenshot("oversight-urge");
        row.findElement(By.cssSelector("button.urge")).click();
        browser.waitFor(".notice");
        assertThat(browser.text(".notice")).isEqualTo("已催办，经办人和部门已收到通知。");
        row = browser.find("#overdue tr[data-case='" + repair.caseRef() + "']");
        row.findElement(By.cssSelector("input[name=note]")).sendKeys("列入本周督办");
        row.findElement(By.cssSelector("button.supervise")).click();
        browser.waitFor(".notice");
        assertThat(browser.text(".notice")).isEqualTo("已列入我的督办清单。");
        browser.resize(390, 1000);
        browser.open("/oversight");
        browser.waitFor("#overdue");
        assertNoHorizontalScroll(browser);
        browser.screenshot("oversight-390");
        browser.shoot("#overdue tr[data-case='" + repair.caseRef() + "']", "oversight-row-390");
        browser.resize(1366, 1000);
        browser.signOut();

        browser.signIn("reviewer.ecology");
        browser.open("/tasks?queue=MINE");
        browser.waitFor("#task-list");
        WebElement mine = browser.driver().findElement(By.xpath(
            "//table[@id='task-list']//tr[td/a[@href='/tasks/" + taskId + "']]"));
        assertThat(mine.findElements(By.cssSelector(".marked"))).extracting(WebElement::getText)
            .anySatisfy(m -> assertThat(m).contains("催办").contains("请今日办结，明早报结果").contains("leader.ecology"))
            .anySatisfy(m -> assertThat(m).contains("督办").contains("列入本周督办"));
        browser.screenshot("urged-row-marked");
      }
    } finally {
      EngineTime.reset(); // the running application is shared with other test classes
    }
  }

  /** The open step of the case (the member department's, for a confirmation), once it is there. */
  private String task(String caseRef, String step, String group) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      var query = taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(step);
      if (group != null) {
        query = query.taskCandidateGroup(group);
      }
      return query.list().stream().map(Task::getId).findFirst().orElse(null);
    }, id -> id != null);
  }

  private static void assertNoHorizontalScroll(Browser browser) {
    long width = ((Number) ((JavascriptExecutor) browser.driver())
        .executeScript("return document.documentElement.scrollWidth;")).longValue();
    long viewport = ((Number) ((JavascriptExecutor) browser.driver())
        .executeScript("return document.documentElement.clientWidth;")).longValue();
    assertThat(width).as("no horizontal scrolling on " + browser.path()).isLessThanOrEqualTo(viewport);
  }
}
