package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.CreditWorkflowApplication;
import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database stops for 15 s in the middle of load and comes back: every request either succeeds
 * or gets a clean 503, every case that was acknowledged exists with its process, none is
 * half-done, health says DOWN meanwhile, and the node is healthy again without a restart. The
 * database is a MariaDB server of the test's own (its own data directory and port), never the
 * shared one; CI's MySQL pass runs it (tag database, DB_URL set), once.
 */
@Tag("database")
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:mysql:.+")
@EnabledIf("serverInstalled")
class DatabaseRestartTest {

  private static final int REQUESTS = 60;

  @Test
  void aDatabaseRestartMidLoadLosesNothingAndTheNodeRecoversByItself(@TempDir Path dir) throws Exception {
    try (PrivateMariaDb db = new PrivateMariaDb(dir)) {
      db.start();
      try (Connection c = DriverManager.getConnection(db.url(""), "root", ""); Statement s = c.createStatement()) {
        s.execute("create database credit character set utf8mb4 collate utf8mb4_unicode_ci");
      }
      try (ConfigurableApplicationContext app = start(db.url("credit?sendFractionalSeconds=false&characterEncoding=UTF-8"))) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpTestClient http = new HttpTestClient(port);
        List<Long> records = freshRecords(app, REQUESTS);
        Map<Long, Integer> answers = new ConcurrentHashMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();

        Thread load = new Thread(() -> {
          for (Long record : records) {
            int status;
            try {
              status = http.postJson("/api/repair-requests", "applicant.a",
                  "{\"recordId\":" + record + ",\"proof\":\"已缴清罚款并完成整改\"}").statusCode();
            } catch (Exception e) {
              status = -1; // no answer at all
            }
            answers.put(record, status);
            sleep(250);
          }
        });
        load.start();
        awaitAnswers(answers, 10);

        db.stop();
        long stoppedAt = System.nanoTime();
        sleep(3000);
        HttpResponse<String> healthWhileAway = http.get("/actuator/health", null, "application/json");
        sleep(Math.max(0, 15_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
        db.start();
        long backAt = System.nanoTime();
        Duration healthyAfter = null;
        while (Duration.ofNanos(System.nanoTime() - backAt).compareTo(Duration.ofSeconds(30)) < 0) {
          HttpResponse<String> health = http.get("/actuator/health", null, "application/json");
          if (health.statusCode() == 200 && health.body().contains("UP")) {
            healthyAfter = Duration.ofNanos(System.nanoTime() - backAt);
            break;
          }
          sleep(500);
        }
        load.join(TimeUnit.MINUTES.toMillis(5));
        answers.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));

        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        List<Long> filed = new ArrayList<>(), halfDone = new ArrayList<>(), lost = new ArrayList<>();
        for (Long record : records) {
          List<Map<String, Object>> rows = jdbc.queryForList(
              "select r.case_ref, r.process_instance_id, (select count(*) from ACT_RU_EXECUTION e where e.PROC_INST_ID_ ="
                  + " r.process_instance_id and e.PARENT_ID_ is null) as runs from repair_request r where r.record_id = ?",
              record);
          boolean whole = rows.size() == 1 && rows.get(0).get("process_instance_id") != null
              && ((Number) rows.get(0).get("runs")).intValue() == 1;
          if (!rows.isEmpty()) {
            filed.add(record);
          }
          if (!rows.isEmpty() && !whole) {
            halfDone.add(record);
          }
          if (answers.get(record) != null && answers.get(record) == 201 && !whole) {
            lost.add(record);
          }
        }
        System.out.printf("database restart mid-load: %d requests, answers by status %s; health while away %d %s;"
            + " healthy %s after the database was back; %d cases filed, %d half-done, %d acknowledged but not whole%n",
            records.size(), byStatus, healthWhileAway.statusCode(), healthWhileAway.body(),
            healthyAfter == null ? "not within 30 s" : healthyAfter.toMillis() + " ms", filed.size(), halfDone.size(),
            lost.size());

        assertThat(answers).hasSize(records.size());
        assertThat(byStatus.keySet()).as("every request succeeded or got a clean 503").isSubsetOf(201, 503);
        assertThat(byStatus.getOrDefault(503, 0)).as("requests while the database was away").isPositive();
        assertThat(byStatus.getOrDefault(201, 0)).as("requests before and after").isGreaterThan(10);
        assertThat(healthWhileAway.statusCode()).isEqualTo(503);
        assertThat(healthWhileAway.body()).contains("DOWN");
        assertThat(healthyAfter).as("healthy again within 30 s of the database's return").isNotNull();
        assertThat(lost).as("acknowledged cases missing or without their process").isEmpty();
        assertThat(halfDone).as("cases stored without their process").isEmpty();
      }
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(CreditWorkflowApplication.class).profiles("mysql")
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=root",
            "--spring.datasource.password=", "--credit.demo-data.enabled=true", "--credit.mail.dispatch-enabled=false",
            // a short wait for a connection while the database is away
            "--spring.datasource.hikari.connection-timeout=3000",
            "--camunda.bpm.process-engine-name=databaseRestart", "--camunda.bpm.webapp.enabled=false");
  }

  private static List<Long> freshRecords(ConfigurableApplicationContext app, int count) {
    TransactionTemplate tx = app.getBean(TransactionTemplate.class);
    AppUserRepository users = app.getBean(AppUserRepository.class);
    DepartmentRepository departments = app.getBean(DepartmentRepository.class);
    RecordService records = app.getBean(RecordService.class);
    return tx.execute(s -> {
      var entity = users.findById("applicant.a").orElseThrow().getEntity();
      Department ecology = departments.getReferenceById("ecology");
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(records.publish(new RecordFacts(entity, ecology, RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL,
            "重启测试〔" + System.nanoTime() + "〕号", "测试处罚", "内容",
            LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.<Department>of()), "test").getId());
      }
      return ids;
    });
  }

  private static void awaitAnswers(Map<Long, Integer> answers, int count) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (answers.size() < count && System.nanoTime() < deadline) {
      sleep(100);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean serverInstalled() {
    return PrivateMariaDb.find("mariadbd").isPresent() && PrivateMariaDb.find("mariadb-install-db").isPresent();
  }

  /** A MariaDB server of the test's own: its own data directory, socket and port, stopped and started at will. */
  static final class PrivateMariaDb implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process server;

    PrivateMariaDb(Path dir) throws Exception {
      this.dir = dir;
      try (ServerSocket free = new ServerSocket(0)) {
        this.port = free.getLocalPort();
      }
      Process install = new ProcessBuilder(find("mariadb-install-db").orElseThrow().toString(), "--no-defaults",
          "--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
          "--auth-root-authentication-method=normal", "--skip-test-db")
          .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
      if (!install.waitFor(2, TimeUnit.MINUTES) || install.exitValue() != 0) {
        throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
      }
    }

    String url(String database) {
      return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    void start() throws Exception {
      server = new ProcessBuilder(find("mariadbd").orElseThrow().toString(), "--no-defaults",
          "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
          "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"), "--user=" + System.getProperty("user.name"),
          "--skip-name-resolve", "--innodb-buffer-pool-size=64M")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
          .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try (Connection c = DriverManager.getConnection(url("") + "?connectTimeout=1000", "root", "")) {
          return;
        } catch (Exception notYet) {
          if (System.nanoTime() > deadline || !server.isAlive()) {
            throw new IllegalStateException("the test's MariaDB did not start: " + Files.readString(dir.resolve("server.log")));
          }
          Thread.sleep(200);
        }
      }
    }

    /** Stops the server as a restart would (SIGTERM), and waits until it is gone. */
    void stop() throws Exception {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }

    @Override
    public void close() throws Exception {
      if (server != null && server.isAlive()) {
        stop();
      }
    }

    static Optional<Path> find(String program) {
      String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
      return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
          .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }
  }
}
