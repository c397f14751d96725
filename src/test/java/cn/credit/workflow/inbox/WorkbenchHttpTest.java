package cn.credit.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** The reviewer's workbench over HTTP: the whole case beside the task's form, and who may open it. */
@RunningAppTest
class WorkbenchHttpTest {

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;

  HttpTestClient api;

  @BeforeEach
  void setUp() {
    api = new HttpTestClient(port);
  }

  /** A repair case of a new ecology record, filed through the portal with an image as proof and signed. */
  record Filed(long id, String caseRef, String proof) {}

  static Filed fileRepairWithImage(int port, TransactionTemplate tx, RecordService records, AppUserRepository users,
      DepartmentRepository departments, String proof) throws Exception {
    Long recordId = tx.execute(s -> records.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("ecology"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "鲁环罚〔" + System.nanoTime() + "〕号", "超标排放",
        "罚款十万元", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(400), null, Set.of()), "test").getId());
    HttpTestClient applicant = HttpTestClient.signedIn(port, "applicant.a");
    String form = "/portal/records/" + recordId + "/repair";
    HttpResponse<String> filed = applicant.postMultipart(form, form, "整改照片.png", png(), "proof", proof);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    Matcher id = Pattern.compile("/portal/repairs/(\\d+)/commitment").matcher(filed.headers().firstValue("Location").orElseThrow());
    assertThat(id.find()).isTrue();
    long caseId = Long.parseLong(id.group(1));
    HttpResponse<String> signed = new HttpTestClient(port).postJson("/api/repair-requests/" + caseId + "/commitment",
        "applicant.a", "{\"signatoryName\":\"王明德\",\"accepted\":true}");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    String caseRef = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        new HttpTestClient(port).get("/api/repair-requests/" + caseId, "applicant.a", "application/json").body())
        .get("caseRef").asText();
    return new Filed(caseId, caseRef, proof);
  }

  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    image.getGraphics().fillRect(5, 5, 30, 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void theTaskPageShowsTheWholeCaseBesideTheFormAndTheCasePageLeadsBackToIt() throws Exception {
    Filed repair = fileRepairWithImage(port, tx, recordService, users, departments, "已缴清罚款，除尘设施已改造并验收");
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
    Filed repair = fileRepairWithImage(port, tx, recordService, users, departments, "已整改，附验收照片");
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
}
