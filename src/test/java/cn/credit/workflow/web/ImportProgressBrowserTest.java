package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.record.RecordService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department's large batch in a real browser: the check and the commit run on the server while the
 * page shows how far they are (its script asks every second and loads the page again when the job is
 * done: without the script the report would never appear by itself).
 */
@RunningAppTest
@NeedsBrowser
class ImportProgressBrowserTest {

  static final int ROWS = 3_000;

  @LocalServerPort int port;
  @Autowired RecordService records;

  @Test
  void thePageShowsTheProgressThenTheReportAndStoresOnTheDepartmentsWord() throws Exception {
    String tag = String.valueOf(System.nanoTime() % 100_000_000);
    LocalDate decided = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
    StringBuilder csv = new StringBuilder("文书号,统一社会信用代码,信息类型,处罚种类,事由,决定日期\r\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("济应急罚〔").append(tag).append("〕").append(i).append("号,91370100MA3C4K5N0R,行政处罚,警告,安全培训不到位,")
          .append(decided).append("\r\n");
    }
    Path file = Files.createTempFile("安全检查", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    try (Browser browser = new Browser(port, "1280")) {
      browser.signIn("reviewer.safety");
      browser.open("/records/import");
      browser.waitFor("#import-form");
      browser.find("#file").sendKeys(file.toString());
      browser.find("#import-form button[type=submit]").click();
      browser.waitFor("#import-progress");
      assertThat(browser.path()).matches("/records/import/[0-9a-f-]{36}");
      assertThat(browser.text("#import-progress")).contains("正在检查");
      browser.screenshot("import-checking");

      // the script loads the page again once the check is done
      new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d -> !d.findElements(
          By.cssSelector("#import-report")).isEmpty());
      assertThat(browser.text("#import-report")).contains("共 3,000 行").contains("检查结果");
      assertThat(records.findByDepartmentAndNumber("safety", "济应急罚〔" + tag + "〕0号")).isEmpty();
      browser.screenshot("import-checked");

      browser.find("#commit-form button").click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).until(d -> d.findElements(
          By.cssSelector("#import-report")).stream().anyMatch(e -> e.getText().contains("导入结果")));
      assertThat(browser.text("#import-report")).contains("本次保存 3,000 行");
      assertThat(browser.has("#commit-form")).isFalse();
      browser.screenshot("import-done");

      // reloaded, the page shows the same result; the import page lists the job
      String job = browser.path();
      browser.open(job);
      assertThat(browser.text("#import-report")).contains("本次保存 3,000 行");
      browser.open("/records/import");
      assertThat(browser.text("#import-jobs")).contains(file.getFileName().toString()).contains("已完成");
    }
    assertThat(records.findByDepartmentAndNumber("safety", "济应急罚〔" + tag + "〕2999号")).isPresent();
  }
}
