package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.revocation.Revocation;
import cn.credit.workflow.revocation.RevocationService;
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.AppUserRepository;
import cn.credit.workflow.user.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything an applicant can open is written for them: after a full repair (a supplement asked and
 * answered, a leader's sign-off, members lifting their measures) and a full dispute
 * ending in a correction, no page, letter or mail of theirs names a staff user, shows a material's key,
 * a hash or a template version, and the Chinese pages carry no English technical word. The rendered
 * text is read, as a person reads it, in both languages.
 */
@RunningAppTest
class ApplicantWordsTest {

  static final String USCC = "91370100MA3C4K5N0R"; // applicant.a's company
  /** An English word as code writes it: camelCase, snake_case, a CONSTANT_NAME (material keys are looked for by name). */
  static final Pattern TECHNICAL = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b|\\b[A-Za-z]+_[a-z][A-Za-z_]*\\b"
      + "|\\b[A-Z]{2,}_[A-Z_]+\\b");
  /** Any Latin word on a Chinese page, except the ones a Chinese reader is meant to see there. */
  static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]*[a-z][A-Za-z]*");
  static final Set<String> LATIN_ALLOWED = Set.of("English", "pdf", "Word", "Excel");
  static final Map<String, Object> LIFTED = Map.of("liftedMeasures", "true", "liftingNote", "已恢复投标资格");
  static final String RETURNED_REPAIR = "请补充验收监测数据";
  static final String RETURNED_DISPUTE = "请市信用办核实信息报送单位";
  static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{16,}\\b|sha-?256", Pattern.CASE_INSENSITIVE);

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired RepairRequestRepository requests;
  @Autowired DisputeService disputes;
  @Autowired RevocationService revocations;
  @Autowired InboxService inbox;
  @Autowired TaskService taskService;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;

  private TestRecords records() {
    return new TestRecords(tx, users, departments, recordService);
  }

  @Test
  void noPageLetterOrMailOfTheApplicantShowsInternalWords() throws Exception {
    String stamp = String.valueOf(System.nanoTime() % 1_000_000);
    HttpTestClient applicant = new HttpTestClient(port);
    applicant.signIn("applicant.a");

    // a full repair of a serious record: a supplement, a sign-off, members lifting
    Long repairRecord = records().publish("applicant.a", "济环罚〔2026〕W" + stamp + "号",
        "ecology", Severity.SERIOUS, 400, "tax", "market");
    RepairRequest request = repairs.file("applicant.a", repairRecord, "已缴清罚款，完成整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology",
        Map.of("acceptOutcome", "supplement", "missingMaterials", "缴款凭证"));
    String repairPage = "/portal/repairs/" + request.getId();
    assertThat(applicant.postForm(repairPage, repairPage + "/supplement", "supplementAnswer", "已上传缴款凭证")
        .statusCode()).isEqualTo(302);
    complete(request.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology",
        Map.of("decision", "grant", "decisionReasons", "整改到位"));
    // 退回 is between the departments (ADR 0008): the applicant's pages do not show it
    complete(request.getCaseRef(), "LeaderSignOff", "leader.ecology", Map.of("signOffApproved", "false",
        "signOffComment", RETURNED_REPAIR));
    complete(request.getCaseRef(), "VerifyAndDecide", "reviewer.ecology",
        Map.of("decision", "grant", "decisionReasons", "整改到位"));
    complete(request.getCaseRef(), "LeaderSignOff", "leader.ecology", Map.of("signOffApproved", "true"));
    for (String member : List.of("tax", "market")) {
      complete(request.getCaseRef(), "ConfirmLifting", "reviewer." + member, LIFTED);
    }
    await().atMost(Duration.ofSeconds(30)).until(() ->
        requests.findById(request.getId()).orElseThrow().getState() == RepairState.COMPLETED);
    String repairCode = requests.findById(request.getId()).orElseThrow().getLetterCode();

    // a full dispute ending in a correction of the content and of the decision date
    Long disputeRecord = records().publish("applicant.a", "济环罚〔2026〕Y" + stamp + "号", "ecology", Severity.GENERAL, 400);
    Dispute dispute = disputes.file("applicant.a", disputeRecord, "WRONG_CONTENT", "罚款金额应为二万元", "处罚决定书");
    disputes.sign(dispute.getId(), "applicant.a", "王明德", true);
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.ecology", Map.of("outcome", "return",
        "reasons", RETURNED_DISPUTE));
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    complete(dispute.getCaseRef(), "VerifyDispute", "reviewer.ecology", Map.of("outcome", "correct",
        "reasons", "罚款金额录入错误", "correctedContent", "罚款人民币二万元",
        "correctedDecisionDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(150).toString()));
    String disputeCode = await().atMost(Duration.ofSeconds(30))
        .until(() -> disputes.get(dispute.getId(), "applicant.a").getLetterCode(), code -> code != null);

    // a revoked decision reported with the judgment and withdrawn by its department (令 36 art. 19)
    Long revokedRecord = records().publish("applicant.a", "济环罚〔2026〕V" + stamp + "号", "ecology", Severity.GENERAL, 200);
    Revocation revocation = revocations.report("applicant.a", new RevocationService.Report(revokedRecord, "REVOKED",
        "济南市中级人民法院", "（2026）鲁01行终" + stamp + "号", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
        "二审判决撤销原处罚决定"), List.of(new MockMultipartFile("files", "行政判决书.pdf", "application/pdf",
            "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    complete(revocation.getCaseRef(), "RegisterRevocation", "reviewer.ecology",
        Map.of("outcome", "withdraw", "reasons", "二审判决撤销原处罚决定"));

    // a refused dispute form, as the applicant meets it
    Long another = records().publish("applicant.a", "济税罚〔2026〕Z" + stamp + "号", "tax", Severity.SERIOUS, 400);
    String disputeForm = "/portal/records/" + another + "/dispute";

    Map<String, String> pages = new LinkedHashMap<>();
    for (String path : List.of("/portal", repairPage, "/portal/disputes/" + dispute.getId(),
        "/repair-requests/" + request.getId() + "/letter", "/disputes/" + dispute.getId() + "/reply",
        "/portal/records/" + another + "/repair", disputeForm, "/portal/revocations/" + revocation.getId(),
        "/portal/records/" + another + "/revocation", "/account/password")) {
      for (String lang : List.of("zh", "en")) {
        HttpResponse<String> page = applicant.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang, null,
            "text/html");
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        pages.put(lang + " " + path, page.body());
      }
    }
    for (String lang : List.of("zh", "en")) {
      HttpResponse<String> refused = applicant.postForm(disputeForm + "?lang=" + lang, disputeForm + "?lang=" + lang,
          "ground", "WHY", "facts", "", "proof", "");
      assertThat(refused.statusCode()).isEqualTo(422);
      pages.put(lang + " refused " + disputeForm, refused.body());
    }
    // the decided repair offers its letter as a PDF beside the printable page, in the page's language
    assertThat(Jsoup.parse(pages.get("zh " + repairPage)).select("#letter-pdf-link").attr("href"))
        .isEqualTo("/repair-requests/" + request.getId() + "/letter.pdf");
    assertThat(Jsoup.parse(pages.get("en " + repairPage)).select("#letter-pdf-link").text())
        .isEqualTo("Download the decision (PDF)");
    HttpTestClient anyone = new HttpTestClient(port);
    for (String path : List.of("/", "/login", "/public", "/public/entities/" + USCC, "/public/verify?code=" + repairCode,
        "/public/verify?code=" + disputeCode)) {
      for (String lang : List.of("zh", "en")) {
        pages.put(lang + " " + path, anyone.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang, null,
            "text/html").body());
      }
    }
    // the applicant's mails: Chinese with English alongside
    outbox.findByCaseRefOrderByCreatedAt(request.getCaseRef()).stream()
        .filter(n -> "applicant.a".equals(n.getRecipientUser()))
        .forEach(n -> pages.put("mail " + n.getSubject(), n.getBody()));
    outbox.findByCaseRefOrderByCreatedAt(dispute.getCaseRef()).stream()
        .filter(n -> "applicant.a".equals(n.getRecipientUser()))
        .forEach(n -> pages.put("mail " + n.getSubject(), n.getBody()));
    outbox.findByCaseRefOrderByCreatedAt(revocation.getCaseRef()).stream()
        .filter(n -> "applicant.a".equals(n.getRecipientUser()))
        .forEach(n -> pages.put("mail " + n.getSubject(), n.getBody()));
    assertThat(pages.keySet()).as("the repair and the dispute mailed the applicant").anyMatch(k -> k.startsWith("mail"));

    List<String> staffNames = users.findAll().stream().filter(u -> !u.hasRole(Role.APPLICANT))
        .map(AppUser::getUsername).toList();
    Properties bundle = new Properties();
    try (var in = getClass().getResourceAsStream("/messages/messages.properties")) {
      bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    List<String> materialKeys = bundle.stringPropertyNames().stream()
        .filter(k -> k.startsWith("material.")).map(k -> k.substring("material.".length())).toList();
    assertThat(materialKeys).contains("training-certificate", "credit-report");

    List<String> problems = new ArrayList<>();
    pages.forEach((page, html) -> {
      String text = Jsoup.parse(html).text();
      staffNames.stream().filter(text::contains).forEach(name -> problems.add(page + ": staff user " + name));
      materialKeys.stream().filter(text::contains).forEach(key -> problems.add(page + ": material key " + key));
      matches(HASH, text).forEach(hash -> problems.add(page + ": hash " + hash));
      matches(TECHNICAL, text).forEach(word -> problems.add(page + ": technical word " + word));
      if (text.contains(RETURNED_REPAIR) || text.contains(RETURNED_DISPUTE)) {
        problems.add(page + ": a return between the departments");
      }
      if (text.contains("预计办结日期") || text.contains("Expected completion")) {
        problems.add(page + ": a finished case with an expected completion date");
      }
      if (page.startsWith("zh ") || page.startsWith("mail ")) {
        // English is there only where marked as English (a letter's English line, a mail's English half)
        var document = Jsoup.parse(html);
        document.select("[lang=en]").remove();
        // and in an address: the letter prints the full address of its check page
        String chinese = (page.startsWith("mail ") ? document.select("#zh").text() : document.text())
            .replaceAll("https?://[!-~]+", "");
        matches(LATIN_WORD, chinese).stream().filter(w -> !LATIN_ALLOWED.contains(w))
            .forEach(word -> problems.add(page + ": English word " + word));
      }
    });
    assertThat(problems).as("internal words on the applicant's pages").isEmpty();

    // what the issue saw, said in words
    String letter = Jsoup.parse(pages.get("zh /disputes/" + dispute.getId() + "/reply")).text();
    assertThat(letter).contains("罚款五万元").contains("罚款人民币二万元").doesNotContain("。。")
        .doesNotContain("content:");
    assertThat(letter).containsPattern("https?://[^ ]+/public/verify");
    assertThat(Jsoup.parse(pages.get("zh /repair-requests/" + request.getId() + "/letter")).text())
        .containsPattern("https?://[^ ]+/public/verify");
    String timeline = Jsoup.parse(pages.get("zh " + repairPage)).text();
    // the national profile asks no extra material (令 36 art. 15): the timeline names none, and the department by name
    assertThat(timeline).doesNotContain("信用修复专题培训证明").contains("市生态环境局");
    assertThat(Jsoup.parse(pages.get("zh refused " + disputeForm)).text()).doesNotContain("WRONG_CONTENT")
        .doesNotContain("one of");
  }

  private void complete(String caseRef, String step, String user, Map<String, Object> fields) {
    String department = users.findById(user).orElseThrow().getDepartment().getCode();
    String task = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseRef).taskDefinitionKey(step).list().stream()
        .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream().anyMatch(l -> department.equals(l.getGroupId())
            || Department.leaderGroupId(department).equals(l.getGroupId())))
        .map(Task::getId).findFirst().orElse(null), id -> id != null);
    inbox.complete(task, user, new java.util.HashMap<>(fields));
  }



  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
