package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.intake.ImportJobs;
import cn.credit.workflow.intake.RecordImport;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.revocation.Revocation;
import cn.credit.workflow.revocation.RevocationService;
import cn.credit.workflow.user.AppUserRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every page of every persona and the public pages, at 1366 px and at 390 px (a phone), in Chinese
 * and in English: the document is no wider than the screen (no horizontal scrolling), and axe-core
 * (the npm package the build installs, node_modules/axe-core; nothing is downloaded at test time)
 * finds no violation of serious or critical impact. A screenshot of each under
 * target/browser-screenshots/, to look at.
 */
@RunningAppTest
@NeedsBrowser
class EveryPageBrowserTest {

  static final String USCC_A = "91370100MA3C4K5N0R";
  static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
  static final String AXE_RUN = "var done = arguments[arguments.length - 1];"
      + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations"
      + ".filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
      + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {"
      + " return n.target.join(' '); }).join(', '); }))); }).catch(function (e) { done('axe failed: ' + e); });";
  /** How far the document reaches past the screen, and the element that reaches furthest. */
  static final String OVERFLOW = "var w = document.documentElement.clientWidth;"
      + "var over = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - w;"
      + "if (over <= 0) return '';"
      + "var worst = null, right = w;"
      + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
      + " if (r.right > right + 0.5) { right = r.right; worst = e; } });"
      + "return over + ' px wider than the screen' + (worst ? ', widest: ' + worst.tagName.toLowerCase()"
      + " + (worst.id ? '#' + worst.id : '') + (worst.className && worst.className.baseVal === undefined"
      + " ? '.' + String(worst.className).split(' ').join('.') : '') + ' reaching ' + Math.round(right) + ' px' : '');";

  /** On the leaders' chart, a department's name that runs into a bar (a long name in English did). */
  static final String CHART_OVERLAP = "var out = [];"
      + "document.querySelectorAll('#department-chart g').forEach(function (g) {"
      + " var name = g.querySelector('text').getBoundingClientRect();"
      + " g.querySelectorAll('rect').forEach(function (bar) { var r = bar.getBoundingClientRect();"
      + "  if (r.width > 0 && name.left < r.right && r.left < name.right && name.top < r.bottom && r.top < name.bottom)"
      + "   out.push(g.querySelector('text').textContent); }); });"
      + "return out.join(', ');";

  @LocalServerPort int port;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired RepairService repairs;
  @Autowired RepairRequestRepository requests;
  @Autowired DisputeService disputes;
  @Autowired RevocationService revocations;
  @Autowired ImportJobs importJobs;
  @Autowired InboxService inbox;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;

  private TestRecords records() {
    return new TestRecords(tx, users, departments, recordService);
  }

  @Test
  void everyPageFitsTheScreenAndHasNoSeriousAccessibilityProblem() throws Exception {
    assertThat(AXE).as("axe-core is installed by the build's npm ci").isRegularFile();
    String axe = Files.readString(AXE, StandardCharsets.UTF_8);
    String stamp = String.valueOf(System.nanoTime() % 1_000_000);

    // a finished repair (its letter), an open one (a task and a case page), a dispute at verification
    Long done = records().publish("applicant.a", "济环罚〔2026〕V" + stamp + "号", "ecology", Severity.GENERAL, 400);
    RepairRequest finished = repairs.file("applicant.a", done, "已缴清罚款并完成整改，污染防治设施已验收。");
    repairs.sign(finished.getId(), "applicant.a", "王明德", true);
    complete(finished.getCaseRef(), "AcceptRequest", "reviewer.ecology", Map.of("acceptOutcome", "accept"));
    complete(finished.getCaseRef(), "VerifyAndDecide", "reviewer.ecology",
        Map.of("decision", "grant", "decisionReasons", "整改到位"));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> requests.findById(finished.getId()).orElseThrow().getState() == RepairState.COMPLETED);
    Long open = records().publish("applicant.a", "济环罚〔2026〕O" + stamp + "号", "ecology", Severity.GENERAL, 400);
    RepairRequest running = repairs.file("applicant.a", open, "已整改");
    repairs.sign(running.getId(), "applicant.a", "王明德", true);
    String acceptTask = task(running.getCaseRef(), "AcceptRequest");
    Long disputed = records().publish("applicant.a", "济环罚〔2026〕D" + stamp + "号", "ecology", Severity.GENERAL, 400);
    Dispute dispute = disputes.file("applicant.a", disputed, "WRONG_CONTENT", "罚款金额应为二万元", null);
    disputes.sign(dispute.getId(), "applicant.a", "王明德", true);
    complete(dispute.getCaseRef(), "TriageDispute", "reviewer.credit-office", Map.of("triageOutcome", "forward"));
    String verifyTask = task(dispute.getCaseRef(), "VerifyDispute");
    Long fresh = records().publish("applicant.a", "济税罚〔2026〕N" + stamp + "号", "tax", Severity.GENERAL, 400);
    String letterCode = requests.findById(finished.getId()).orElseThrow().getLetterCode();
    Long revoked = records().publish("applicant.a", "济环罚〔2026〕C" + stamp + "号", "ecology", Severity.GENERAL, 200);
    Revocation revocation = revocations.report("applicant.a", new RevocationService.Report(revoked, "REVOKED",
        "济南市中级人民法院", "（2026）鲁01行终" + stamp + "号", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), null),
        List.of(new MockMultipartFile("files", "行政判决书.pdf", "application/pdf",
            "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    String revocationTask = task(revocation.getCaseRef(), "RegisterRevocation");
    // a department's import, checked and waiting for its word: the report with a bad row, written in the
    // uploader's language as when the page starts it
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    String importJob = importJobs.start("环境处罚.csv", ("文书号,统一社会信用代码,信息类型,处罚种类,事由,决定日期\r\n"
        + "济环罚〔2026〕I" + stamp + "号," + USCC_A + ",行政处罚,警告,扬尘,2026-11-02\r\n"
        + "济环罚〔2026〕J" + stamp + "号,91370100MA3C4K5N0A,行政处罚,警告,扬尘,2026-11-02\r\n")
        .getBytes(StandardCharsets.UTF_8), RecordImport.Mode.ALL_OR_NOTHING, "reviewer.ecology");
    LocaleContextHolder.resetLocaleContext();
    await().atMost(Duration.ofSeconds(60))
        .until(() -> !importJobs.find(importJob, "reviewer.ecology").orElseThrow().running());

    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put(null, List.of("/", "/login", "/public", "/public/entities/" + USCC_A, "/public/verify",
        "/public/verify?code=" + letterCode));
    pages.put("applicant.a", List.of("/portal", "/portal/records/" + fresh + "/repair",
        "/portal/records/" + fresh + "/dispute", "/portal/repairs/" + finished.getId(),
        "/portal/repairs/" + running.getId(), "/portal/disputes/" + dispute.getId(),
        "/repair-requests/" + finished.getId() + "/letter", "/portal/records/" + fresh + "/revocation",
        "/portal/revocations/" + revocation.getId(), "/account/password"));
    pages.put("reviewer.ecology", List.of("/tasks", "/tasks?queue=DEPARTMENT", "/tasks?queue=DONE",
        "/tasks/" + acceptTask, "/tasks/" + verifyTask, "/cases/" + finished.getCaseRef(),
        "/cases/" + running.getCaseRef(), "/cases/" + dispute.getCaseRef(), "/tasks/" + revocationTask,
        "/cases/" + revocation.getCaseRef(), "/records/" + revoked, "/records", "/records/import",
        "/records/import/" + importJob, "/entities", "/entities/" + USCC_A));
    pages.put("leader.ecology", List.of("/tasks", "/oversight"));
    pages.put("leader.city", List.of("/oversight"));
    pages.put("admin", List.of("/admin", "/admin/users", "/admin/departments", "/admin/calendar",
        "/admin/commitment-templates", "/admin/notifications", "/admin/audit"));

    List<String> problems = new ArrayList<>();
    try (Browser browser = new Browser(port, "1366")) {
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      for (Map.Entry<String, List<String>> persona : pages.entrySet()) {
        if (persona.getKey() != null) {
          browser.signIn(persona.getKey());
        }
        for (String path : persona.getValue()) {
          for (int width : List.of(1366, 390)) {
            browser.resize(width, 900);
            for (String lang : List.of("zh", "en")) {
              browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
              browser.waitFor("body");
              String where = (persona.getKey() == null ? "public" : persona.getKey()) + " " + path + " " + width
                  + "px " + lang;
              String overflow = (String) js.executeScript(OVERFLOW);
              if (!overflow.isEmpty()) {
                problems.add(where + ": " + overflow);
              }
              String overlap = (String) js.executeScript(CHART_OVERLAP);
              if (!overlap.isEmpty()) {
                problems.add(where + ": chart names over the bars: " + overlap);
              }
              js.executeScript(axe);
              String violations = (String) js.executeAsyncScript(AXE_RUN);
              if (!"[]".equals(violations)) {
                problems.add(where + ": axe " + violations);
              }
              browser.screenshot((persona.getKey() == null ? "public" : persona.getKey()) + path
                  .replaceAll("[^A-Za-z0-9]+", "-") + "-" + width + "-" + lang);
            }
          }
        }
        if (persona.getKey() != null) {
          browser.signOut();
        }
      }
    }
    assertThat(problems).as("pages wider than the screen or with serious accessibility problems").isEmpty();
  }

  private String task(String caseRef, String step) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseRef).taskDefinitionKey(step).list().stream().map(Task::getId).findFirst()
        .orElse(null), id -> id != null);
  }

  private void complete(String caseRef, String step, String user, Map<String, Object> fields) {
    inbox.complete(task(caseRef, step), user, new HashMap<>(fields));
  }

}
