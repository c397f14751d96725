package cn.credit.workflow.startup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.CreditWorkflowApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes started at the same moment on an empty database: both come up healthy and the start-up
 * work is done once (one row per calendar year, per engine group, per demo user, one marker of the
 * demo data). Each node is a whole application context of its own, with its own engine and pool,
 * started from a barrier so that both reach the database together.
 */
class NodesStartingTogetherTest {

  @Test
  void twoNodesStartTogetherOnAnEmptyH2Database() throws Exception {
    for (int round = 1; round <= 2; round++) {
      String url = "jdbc:h2:mem:together-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      startTogether(round, url, "sa", "");
      try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement s = db.createStatement()) {
        s.execute("shutdown");
      }
    }
  }

  /**
   * CI's MySQL pass: databases of their own on the server the mysql profile points at, made afresh
   * each round. Rounds alternate between two databases, so that from the second round on another
   * Camunda database stands beside the empty one (a staging database beside production, say).
   */
  @Test
  @Tag("database")
  @EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:mysql:.+")
  void twoNodesStartTogetherOnAnEmptyMySqlDatabaseFiveTimesInARow() throws Exception {
    String server = System.getenv("DB_URL").replaceFirst("(jdbc:mysql://[^/?]+)/[^?]*", "$1/");
    String user = System.getenv("DB_USER");
    String password = System.getenv("DB_PASSWORD") == null ? "" : System.getenv("DB_PASSWORD");
    List<String> databases = List.of("credit_together_test_a", "credit_together_test_b");
    try {
      for (int round = 1; round <= 5; round++) {
        String database = databases.get(round % 2);
        try (Connection db = DriverManager.getConnection(server, user, password); Statement s = db.createStatement()) {
          s.execute("drop database if exists " + database);
          s.execute("create database " + database + " character set utf8mb4 collate utf8mb4_unicode_ci");
          if (round > 1) {
            try (var others = s.executeQuery("select count(*) from information_schema.tables where table_name ="
                + " 'ACT_GE_PROPERTY' and table_schema <> '" + database + "'")) {
              others.next();
              assertThat(others.getInt(1)).as("other Camunda databases on the server").isGreaterThan(0);
            }
          }
        }
        startTogether(round, System.getenv("DB_URL").replaceFirst("(jdbc:mysql://[^/?]+)/[^?]*", "$1/" + database),
            user, password);
      }
    } finally {
      try (Connection db = DriverManager.getConnection(server, user, password); Statement s = db.createStatement()) {
        for (String database : databases) {
          s.execute("drop database if exists " + database);
        }
      }
    }
  }

  private static void startTogether(int round, String url, String user, String password) throws Exception {
    // two applications starting in one JVM would set up Logback at the same moment, which Logback does not
    // survive (a ConcurrentModificationException in Spring Boot's logging setup, spring-boot#17439): these
    // nodes keep the logging the test JVM has; two processes would each have their own
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    try {
      startBoth(round, url, user, password);
    } finally {
      System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
    }
  }

  private static void startBoth(int round, String url, String user, String password)
      throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<ConfigurableApplicationContext>> nodes = new ArrayList<>();
    for (String node : List.of("a", "b")) {
      nodes.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return start("together" + round + node, url, user, password);
      }));
    }
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    List<Throwable> failed = new ArrayList<>();
    for (CompletableFuture<ConfigurableApplicationContext> node : nodes) {
      try {
        started.add(node.get(5, TimeUnit.MINUTES));
      } catch (Exception e) {
        failed.add(e.getCause() == null ? e : e.getCause());
      }
    }
    try {
      assertThat(failed).as("nodes that failed to start in round " + round).isEmpty();
      for (ConfigurableApplicationContext node : started) {
        assertThat(node.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.UP);
      }
      JdbcTemplate db = started.get(0).getBean(JdbcTemplate.class);
      long years = db.queryForObject("select count(*) from calendar_year", Long.class);
      int calendarFiles = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.txt").length;
      long groups = db.queryForObject("select count(*) from ACT_ID_GROUP", Long.class);
      long departments = db.queryForObject("select count(*) from department", Long.class);
      long users = db.queryForObject("select count(*) from app_user", Long.class);
      long markers = db.queryForObject("select count(*) from app_marker", Long.class);
      System.out.printf("nodes starting together, round %d: both UP; calendar years %d, engine groups %d for %d"
          + " departments, users %d, demo-data markers %d%n", round, years, groups, departments, users, markers);
      // the keys are unique: what matters is that neither node died on them, and that nothing is missing
      assertThat(years).isEqualTo(calendarFiles);
      assertThat(markers).isEqualTo(1);
      assertThat(departments).isGreaterThan(0);
      // per department its reviewers' group and its leaders' group, besides the few of the credit office
      assertThat(groups).isGreaterThanOrEqualTo(2 * departments);
      assertThat(db.queryForObject("select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = 'admin'", Long.class))
          .isGreaterThan(0);
    } finally {
      started.forEach(ConfigurableApplicationContext::close);
    }
  }

  private static ConfigurableApplicationContext start(String engine, String url, String user, String password) {
    return new SpringApplicationBuilder(CreditWorkflowApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password, "--credit.demo-data.enabled=true",
            "--credit.mail.dispatch-enabled=false",
            // closing an engine unregisters its name JVM-wide, and the webapps keep JVM-wide state
            "--camunda.bpm.process-engine-name=" + engine, "--camunda.bpm.webapp.enabled=false");
  }
}
