package cn.credit.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.CreditWorkflowApplication;
import cn.credit.workflow.user.AppUserRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default set-up: an H2 file that survives a restart, and demo data loaded on the first start only. */
class DemoDataOnceTest {

  /**
   * Closing an engine unregisters its name JVM-wide, and closing the Camunda webapps clears their
   * JVM-wide state: this app has its own engine name and no webapps, so the shared test app keeps its own.
   */
  private static final String ENGINE = "demoDataOnce";

  @Test
  void dataSurvivesARestartAndTheDemoDataIsLoadedOnce(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("credit").toAbsolutePath();
    long users;
    long records;
    try (ConfigurableApplicationContext first = start(url)) {
      users = first.getBean(AppUserRepository.class).count();
      records = count(first, "dishonesty_record");
      assertThat(users).isGreaterThanOrEqualTo(18);
      assertThat(records).isGreaterThan(10);
      first.getBean(JdbcTemplate.class).update(
          "update app_user set display_name = 'changed before restart' where username = 'applicant.a'");
    }
    try (ConfigurableApplicationContext second = start(url)) {
      assertThat(second.getBean(AppUserRepository.class).count()).isEqualTo(users);
      assertThat(count(second, "dishonesty_record")).isEqualTo(records);
      assertThat(second.getBean(DemoDataLoader.class).loadOnce()).as("a third attempt loads nothing").isFalse();
      assertThat(second.getBean(AppUserRepository.class).findById("applicant.a").orElseThrow().getDisplayName())
          .isEqualTo("changed before restart");
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(CreditWorkflowApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--credit.demo-data.enabled=true",
            "--camunda.bpm.process-engine-name=" + ENGINE,
            "--camunda.bpm.webapp.enabled=false");
  }

  private static long count(ConfigurableApplicationContext context, String table) {
    return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from " + table, Long.class);
  }
}
