package cn.credit.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RepairFilings;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.notification.MailKind;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.user.AppUserRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviewer's workbench over HTTP: the whole case beside the task's form and who may open it;
 * opinions; and the inbox's actions (transfer, delegate and give back, copy to, claim several), each
 * refused for who may not (404 for another department's task), recorded in the case's history for
 * the departments only, and mailed to the person it concerns.
 */
@RunningAppTest
class WorkbenchHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;

  HttpTestClient api;
  RepairFilings filings;

  @BeforeEach
  void setUp() {
    api = new HttpTestClient(port);
    filings = new RepairFilings(port, tx, recordService, users, departments);
  }

  @Test
  void theTaskPageShowsTheWholeCaseBesideTheFormAndTheCasePageLeadsBackToIt() throws Exception {
    RepairFilings.Filed repair = filings.withPhoto("已缴清罚款，除尘设施已改造并验收");
    String task = api.awaitTask("reviewer.ecology", repair.id(), "AcceptRequest").get("id").asText();

    HttpTestClient reviewer = HttpTestClient.signedIn(port, "reviewer.ecology");
    String page = reviewer.get("/tasks/" + task, null, "text/html").body();
    assertThat(page).contains("id=\"task-form\"").contains("id=\"workbench-case\"")
        .contains(repair.proof()).contains("整改照片.png").contains("罚款十万元").contains("王明德")
        .contains("id=\"steps\"").contains("id=\"related\"").contains("/js/task-draft.js");
    Matcher file = Pattern.compile("<img loading=\"lazy\" src=\"(/attachments/\\d+\\?inline=true)\"").matcher(page);
    assertThat(file.find()).as("the image is shown in the page").isTrue();

    HttpResponse<String> shown = reviewer.get(file.group(1), null, "image/png");
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(shown.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
    HttpResponse<String> downloaded = reviewer.get(file.group(1).replace("?inline=true", ""), null, "image/png");
    assertThat(downloaded.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));

    // another department's reviewer: neither the task nor its file
    HttpTestClient tax = HttpTestClient.signedIn(port, "reviewer.tax");
    assertThat(tax.get("/tasks/" + task, null, "text/html").statusCode()).isEqualTo(404);
    assertThat(tax.get(file.group(1), null, "image/png").statusCode()).isEqualTo(404);

    // the case page leads those who may work the task back to it
    assertThat(reviewer.get("/cases/" + repair.caseRef(), null, "text/html").body())
        .contains("href=\"/tasks/" + task + "\"");
    HttpTestClient cityLeader = HttpTestClient.signedIn(port, "leader.city");
    HttpResponse<String> seen = cityLeader.get("/cases/" + repair.caseRef(), null, "text/html");
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body()).as("the city leader sees the case but does not work the task")
        .doesNotContain("href=\"/tasks/" + task + "\"");
  }

  @Test
  void everyDecisionKeepsItsOutcomeAndOpinionAndTheDoneListTellsTwoAcceptancesApart() throws Exception {
    RepairFilings.Filed repair = filings.withPhoto("已整改，附验收照片");
    String first = api.awaitTask("reviewer.ecology", repair.id(), "AcceptRequest").get("id").asText();
    HttpTestClient reviewer = HttpTestClient.signedIn(port, "reviewer.ecology");
    String page = "/tasks/" + first;
    assertThat(reviewer.get(page, null, "text/html").body()).contains("name=\"opinion\"").contains("审批意见");
    HttpResponse<String> tooLong = reviewer.postForm(page, page + "/complete", "acceptOutcome", "accept",
        "opinion", "意".repeat(1001));
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("id=\"field-opinion\"");
    assertThat(reviewer.postForm(page, page + "/complete", "acceptOutcome", "supplement",
        "missingMaterials", "验收报告原件", "opinion", "照片不清晰，需验收报告").statusCode()).isEqualTo(302);

    HttpTestClient applicant = HttpTestClient.signedIn(port, "applicant.a");
    String casePage = "/portal/repairs/" + repair.id();
    assertThat(applicant.postForm(casePage, casePage + "/supplement", "supplementAnswer", "已补交验收报告")
        .statusCode()).isEqualTo(302);
    String second = api.awaitTask("reviewer.ecology", repair.id(), "AcceptRequest").get("id").asText();
    assertThat(second).isNotEqualTo(first);
    String workbench = reviewer.get("/tasks/" + second, null, "text/html").body();
    assertThat(workbench).as("the earlier step with its outcome and opinion, the supplement answer")
        .contains("一次性告知补正").contains("照片不清晰，需验收报告").contains("已补交验收报告");
    assertThat(reviewer.postForm("/tasks/" + second, "/tasks/" + second + "/complete", "acceptOutcome", "accept",
        "opinion", "材料齐全，予以受理").statusCode()).isEqualTo(302);

    String done = reviewer.get("/tasks?queue=DONE&party=" + "91370100MA3C4K5N0R", null, "text/html").body();
    assertThat(done).contains("照片不清晰，需验收报告").contains("材料齐全，予以受理");
    String rows = done.substring(done.indexOf("id=\"task-list\""));
    assertThat(rows.indexOf("材料齐全，予以受理")).as("latest first").isLessThan(rows.indexOf("照片不清晰"));
    // the case page shows the step with its outcome and opinion as well
    assertThat(reviewer.get("/cases/" + repair.caseRef(), null, "text/html").body())
        .contains("材料齐全，予以受理").contains("受理</strong>");
  }

  @Test
  void transferDelegateGiveBackAndCopyAreEachCheckedRecordedAndMailed() throws Exception {
    RepairFilings.Filed repair = filings.withPhoto("已整改完毕");
    String task = api.awaitTask("reviewer.ecology", repair.id(), "AcceptRequest").get("id").asText();
    String transfer = "/api/tasks/" + task + "/transfer";

    // not yet anyone's: claim first; another department's: as if there were none
    assertThat(api.postJson(transfer, "reviewer.ecology", "{\"to\":[\"leader.ecology\"],\"reason\":\"x\"}").statusCode())
        .isEqualTo(409);
    assertThat(api.postJson(transfer, "reviewer.tax", "{\"to\":[\"leader.ecology\"],\"reason\":\"x\"}").statusCode())
        .isEqualTo(404);
    assertThat(api.postJson("/api/tasks/" + task + "/claim", "reviewer.ecology", "{}").statusCode()).isEqualTo(200);

    // 转办 on the page: refusals beside the fields with the input kept, then given to a colleague
    HttpTestClient reviewer = HttpTestClient.signedIn(port, "reviewer.ecology");
    String page = "/tasks/" + task;
    HttpResponse<String> notColleague = reviewer.postForm(page, page + "/transfer", "to", "reviewer.tax",
        "reason", "本人出差");
    assertThat(notColleague.statusCode()).isEqualTo(422);
    assertThat(notColleague.body()).contains("id=\"field-transfer-to\"").contains("reviewer.tax 不能办理此任务")
        .contains(">本人出差</textarea>");
    HttpResponse<String> noReason = reviewer.postForm(page, page + "/transfer", "to", "leader.ecology", "reason", " ");
    assertThat(noReason.statusCode()).isEqualTo(422);
    assertThat(noReason.body()).contains("id=\"field-transfer-reason\"").contains("必填");
    assertThat(reviewer.postForm(page, page + "/transfer", "to", "leader.ecology", "reason", "本人出差，转科长办理")
        .statusCode()).isEqualTo(302);
    assertThat(task(task, "leader.ecology").get("assignee").asText()).isEqualTo("leader.ecology");
    assertThat(reviewer.get(page, null, "text/html").body()).as("no longer the reviewer's own").doesNotContain("id=\"transfer\"");

    // 委派 and its return: the delegate may not complete, hand back or pass it on, only give it back
    assertThat(api.postJson("/api/tasks/" + task + "/delegate", "reviewer.ecology",
        "{\"to\":[\"leader.ecology\"],\"reason\":\"x\"}").statusCode()).as("not the reviewer's any more").isEqualTo(409);
    assertThat(api.postJson("/api/tasks/" + task + "/delegate", "leader.ecology",
        "{\"to\":[\"reviewer.ecology\"],\"reason\":\"请核实验收报告真伪\"}").statusCode()).isEqualTo(200);
    JsonNode delegated = task(task, "reviewer.ecology");
    assertThat(delegated.get("assignee").asText()).isEqualTo("reviewer.ecology");
    assertThat(delegated.get("owner").asText()).isEqualTo("leader.ecology");
    assertThat(delegated.get("delegated").asBoolean()).isTrue();
    assertThat(api.postJson("/api/tasks/" + task + "/complete", "reviewer.ecology", "{\"acceptOutcome\":\"accept\"}")
        .statusCode()).isEqualTo(409);
    assertThat(api.postJson(transfer, "reviewer.ecology", "{\"to\":[\"leader.ecology\"],\"reason\":\"x\"}").statusCode())
        .isEqualTo(409);
    assertThat(api.postJson("/api/tasks/" + task + "/unclaim", "reviewer.ecology", "{}").statusCode()).isEqualTo(409);
    assertThat(api.postJson("/api/tasks/" + task + "/resolve", "leader.ecology", "{\"reason\":\"x\"}").statusCode())
        .as("the owner does not give it back to themself").isEqualTo(409);
    assertThat(api.postJson("/api/tasks/" + task + "/resolve", "reviewer.tax", "{\"reason\":\"x\"}").statusCode())
        .isEqualTo(404);
    String delegatePage = reviewer.get(page, null, "text/html").body();
    assertThat(delegatePage).contains("id=\"resolve\"").doesNotContain("id=\"task-form\"");
    HttpResponse<String> emptyOpinion = reviewer.postForm(page, page + "/resolve", "reason", "");
    assertThat(emptyOpinion.statusCode()).isEqualTo(422);
    assertThat(emptyOpinion.body()).contains("id=\"field-resolve-reason\"");
    assertThat(reviewer.postForm(page, page + "/resolve", "reason", "验收报告经核实为真").statusCode()).isEqualTo(302);
    JsonNode back = task(task, "leader.ecology");
    assertThat(back.get("assignee").asText()).isEqualTo("leader.ecology");
    assertThat(back.get("delegated").asBoolean()).isFalse();

    // 抄送: only to people who may see the case; they find it in 抄送我的
    JsonNode refused = JSON.readTree(api.postJson("/api/tasks/" + task + "/copy", "leader.ecology",
        "{\"to\":[\"leader.city\",\"reviewer.hrss\"],\"reason\":\"请知悉\"}").body());
    assertThat(refused.get("status").asInt()).isEqualTo(422);
    assertThat(refused.get("fields").get(0).get("field").asText()).isEqualTo("to");
    assertThat(api.postJson("/api/tasks/" + task + "/copy", "reviewer.tax", "{\"to\":[\"leader.city\"]}").statusCode())
        .isEqualTo(404);
    HttpTestClient city = HttpTestClient.signedIn(port, "leader.city");
    long copiedBefore = count(city.get("/tasks?queue=MINE", null, "text/html").body(), "COPIED");
    assertThat(api.postJson("/api/tasks/" + task + "/copy", "leader.ecology",
        "{\"to\":[\"leader.city\"],\"reason\":\"重大案件，请知悉\"}").statusCode()).isEqualTo(200);
    String copies = city.get("/tasks?queue=COPIED", null, "text/html").body();
    assertThat(copies).contains(repair.caseRef()).contains("重大案件，请知悉").contains("leader.ecology");
    assertThat(count(copies, "COPIED")).isEqualTo(copiedBefore + 1);
    assertThat(reviewer.get("/tasks?queue=COPIED", null, "text/html").body()).doesNotContain("重大案件，请知悉");

    // each in the departments' history with who and why, none in the applicant's
    String casePage = reviewer.get("/cases/" + repair.caseRef(), null, "text/html").body();
    assertThat(casePage).contains("本人出差，转科长办理").contains("请核实验收报告真伪").contains("验收报告经核实为真")
        .contains("重大案件，请知悉").contains("转办").contains("委派");
    String portal = HttpTestClient.signedIn(port, "applicant.a").get("/portal/repairs/" + repair.id(), null, "text/html").body();
    assertThat(portal).doesNotContain("本人出差").doesNotContain("请核实验收报告真伪").doesNotContain("重大案件");

    // each mailed to the person it concerns
    assertThat(outbox.findByCaseRefOrderByCreatedAt(repair.caseRef())).filteredOn(m -> m.getKind() == MailKind.TASK_ACTION)
        .extracting(Notification::getRecipientUser)
        .containsExactly("leader.ecology", "reviewer.ecology", "leader.ecology", "leader.city");
    assertThat(outbox.findByCaseRefOrderByCreatedAt(repair.caseRef())).filteredOn(m -> m.getKind() == MailKind.TASK_ACTION)
        .first().satisfies(m -> assertThat(m.getSubject()).contains("转办"))
        .satisfies(m -> assertThat(m.getBody()).contains("本人出差，转科长办理").contains("/tasks/" + task));
  }

  @Test
  void severalTasksAreClaimedAtOnceOrNoneAndTheQueuesAreCountedAndUrgedWorkMarked() throws Exception {
    RepairFilings.Filed first = filings.withPhoto("甲");
    RepairFilings.Filed second = filings.withPhoto("乙");
    String one = api.awaitTask("reviewer.ecology", first.id(), "AcceptRequest").get("id").asText();
    String two = api.awaitTask("reviewer.ecology", second.id(), "AcceptRequest").get("id").asText();
    assertThat(api.postJson("/api/tasks/" + one + "/claim", "leader.ecology", "{}").statusCode()).isEqualTo(200);

    HttpTestClient reviewer = HttpTestClient.signedIn(port, "reviewer.ecology");
    String queue = reviewer.get("/tasks?queue=DEPARTMENT", null, "text/html").body();
    assertThat(queue).contains("id=\"pick-" + two + "\"").contains("id=\"claim-selected\"");
    // one of them is someone else's: none is claimed
    assertThat(reviewer.postForm("/tasks?queue=DEPARTMENT", "/tasks/claim", "taskId", two, "taskId", one).statusCode())
        .isEqualTo(409);
    assertThat(task(two, "reviewer.ecology").get("assignee").isNull()).isTrue();
    HttpTestClient tax = HttpTestClient.signedIn(port, "reviewer.tax");
    assertThat(tax.postForm("/tasks", "/tasks/claim", "taskId", two).statusCode()).isEqualTo(404);
    assertThat(reviewer.postForm("/tasks?queue=DEPARTMENT", "/tasks/claim").statusCode()).isEqualTo(422);
    long mineBefore = count(reviewer.get("/tasks?queue=MINE", null, "text/html").body(), "MINE");
    assertThat(reviewer.postForm("/tasks?queue=DEPARTMENT", "/tasks/claim", "taskId", two).statusCode()).isEqualTo(302);
    assertThat(task(two, "reviewer.ecology").get("assignee").asText()).isEqualTo("reviewer.ecology");

    // the counts on the tabs are the lists' sizes
    String mine = reviewer.get("/tasks?queue=MINE", null, "text/html").body();
    assertThat(count(mine, "MINE")).isEqualTo(mineBefore + 1);
    long assigned = 0;
    for (JsonNode t : JSON.readTree(api.get("/api/tasks", "reviewer.ecology", "application/json").body())) {
      assigned += "reviewer.ecology".equals(t.get("assignee").asText(null)) ? 1 : 0;
    }
    assertThat(count(mine, "MINE")).isEqualTo(assigned);

    // urged and supervised work stands out, with the leader's words
    assertThat(api.postJson("/api/tasks/" + two + "/urge", "leader.ecology", "{\"message\":\"请于今日办结\"}").statusCode())
        .isEqualTo(201);
    assertThat(api.postJson("/api/cases/" + second.caseRef() + "/supervision", "leader.city",
        "{\"note\":\"市领导关注\"}").statusCode()).isEqualTo(201);
    String marked = reviewer.get("/tasks?queue=MINE", null, "text/html").body();
    String row = marked.substring(marked.indexOf("/tasks/" + two));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains("催办").contains("请于今日办结").contains("督办").contains("市领导关注");
  }

  @Test
  void aDeciderAsksForOpinionsBeforeDecidingAndSeesThem() throws Exception {
    RepairFilings.Filed repair = filings.withPhoto("已整改，请审核");
    String task = api.awaitTask("reviewer.ecology", repair.id(), "AcceptRequest").get("id").asText();
    HttpTestClient reviewer = HttpTestClient.signedIn(port, "reviewer.ecology");
    String page = "/tasks/" + task;

    assertThat(api.postJson("/api/tasks/" + task + "/consult", "reviewer.tax",
        "{\"to\":\"leader.city\",\"reason\":\"?\"}").statusCode()).isEqualTo(404);
    // only staff are asked: not an applicant
    HttpResponse<String> notStaff = reviewer.postForm(page, page + "/consult", "to", "applicant.a",
        "reason", "是否属于重大案件？");
    assertThat(notStaff.statusCode()).isEqualTo(422);
    assertThat(notStaff.body()).contains("id=\"field-consult-to\"").contains("applicant.a 不是可征求意见的工作人员")
        .contains(">是否属于重大案件？</textarea>");
    // another department's officer, who may not see the case until asked, then reads it and only it
    HttpTestClient hrss = HttpTestClient.signedIn(port, "reviewer.hrss");
    assertThat(hrss.get("/cases/" + repair.caseRef(), null, "text/html").statusCode()).isEqualTo(404);
    assertThat(reviewer.postForm(page, page + "/consult", "to", "reviewer.hrss", "reason", "是否有欠薪记录？")
        .statusCode()).isEqualTo(302);
    assertThat(hrss.get("/cases/" + repair.caseRef(), null, "text/html").body()).contains(repair.proof());
    assertThat(hrss.get("/tasks/" + task, null, "text/html").statusCode()).as("the step is not theirs to work")
        .isEqualTo(404);
    assertThat(HttpTestClient.signedIn(port, "leader.hrss").get("/cases/" + repair.caseRef(), null, "text/html")
        .statusCode()).as("the person asked, not their whole department").isEqualTo(404);
    assertThat(reviewer.postForm(page, page + "/consult", "to", "leader.city", "reason", "").statusCode())
        .isEqualTo(422);
    assertThat(reviewer.postForm(page, page + "/consult", "to", "leader.city", "reason", "是否属于重大案件？")
        .statusCode()).isEqualTo(302);
    assertThat(reviewer.get(page, null, "text/html").body()).contains("id=\"consultations\"")
        .contains("是否属于重大案件？").contains("待回复");

    // the person asked answers from 抄送我的, once; nobody else may
    HttpTestClient city = HttpTestClient.signedIn(port, "leader.city");
    String copied = city.get("/tasks?queue=COPIED", null, "text/html").body();
    Matcher question = Pattern.compile("/tasks/consultations/(\\d+)/answer").matcher(copied);
    assertThat(question.find()).isTrue();
    String answer = "/tasks/consultations/" + question.group(1) + "/answer";
    HttpResponse<String> empty = city.postForm("/tasks?queue=COPIED", answer, "reason", " ");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("id=\"field-answer-" + question.group(1) + "\"").contains("必填");
    assertThat(api.postJson("/api" + answer, "reviewer.tax", "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(city.postForm("/tasks?queue=COPIED", answer, "reason", "属于重大案件，请从严审核").statusCode())
        .isEqualTo(302);
    assertThat(api.postJson("/api" + answer, "leader.city", "{\"reason\":\"again\"}").statusCode()).isEqualTo(409);

    // the decider sees the opinion beside the form, and is mailed
    assertThat(reviewer.get(page, null, "text/html").body()).contains("属于重大案件，请从严审核").contains("id=\"task-form\"");
    assertThat(outbox.findByCaseRefOrderByCreatedAt(repair.caseRef())).filteredOn(m -> m.getKind() == MailKind.TASK_ACTION)
        .extracting(Notification::getRecipientUser).containsExactly("reviewer.hrss", "leader.city", "reviewer.ecology");
  }

  private JsonNode task(String id, String user) throws Exception {
    HttpResponse<String> response = api.get("/api/tasks/" + id, user, "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The count on a queue's tab. */
  private static long count(String page, String queue) {
    Matcher count = Pattern.compile("id=\"count-" + queue + "\">(\\d+)<").matcher(page);
    assertThat(count.find()).as("the tab of " + queue + " has a count").isTrue();
    return Long.parseLong(count.group(1));
  }
}
