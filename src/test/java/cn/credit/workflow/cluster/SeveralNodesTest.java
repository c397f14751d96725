package cn.credit.workflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.CreditWorkflowApplication;
import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManagerFactory;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two real nodes on one MariaDB/MySQL database, as Camunda clusters: node A an application context
 * in this JVM, node B an application process of its own (so that it can be killed, SIGKILL, as a
 * machine dies). Both run their job executors with a short lock time and send mail to one SMTP
 * server (GreenMail). First, cases are filed and worked through both nodes, every step on the
 * other node than the one before, with their deadline timers made due on the way: every case ends
 * in one consistent state, every timer ran once, every mail arrived once. Then, in the middle of
 * load, node B is killed while it holds jobs: node A runs them once their lock has expired, every
 * acknowledged case exists and is consistent, no job stays locked and every mail goes out. CI's
 * MySQL pass runs it (tag database), in a database of its own on that server.
 */
@Tag("database")
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:mysql:.+",
    disabledReason = "runs in CI's MySQL/MariaDB pass (DB_URL=jdbc:mysql:…)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTest {

  private static final String DATABASE = "credit_cluster_nodes";
  /** How long a node's job lock holds: short, so that a dead node's jobs come back within the test. */
  private static final Duration LOCK_TIME = Duration.ofSeconds(10);
  private static final int POOL_SIZE = 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** The steps a case has open in each state it can reach here (a general record, no member departments). */
  private static final Map<String, Set<String>> OPEN_STEPS = Map.of(
      "AWAITING_SIGNATURE", Set.of(ModelNames.Signing.SIGN),
      "UNDER_ACCEPTANCE", Set.of(ModelNames.Repair.ACCEPT),
      "UNDER_REVIEW", Set.of(ModelNames.Repair.VERIFY_AND_DECIDE),
      "COMPLETED", Set.of());

  private final Path logs = Path.of("target", "cluster-nodes");
  private String server;
  private GreenMail smtp;
  private ConfigurableApplicationContext a;
  private Process b;
  private HttpTestClient nodeA;
  private HttpTestClient nodeB;
  private JdbcTemplate db;

  @BeforeAll
  void startTwoNodes() throws Exception {
    server = System.getenv("DB_URL").replaceFirst("(jdbc:mysql://[^/?]+)/[^?]*", "$1/");
    try (Connection c = DriverManager.getConnection(server, user(), password()); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE);
      s.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_unicode_ci");
    }
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Files.createDirectories(logs);
    int portB = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "-cp", classPath(), CreditWorkflowApplication.class.getName()));
    command.addAll(nodeArguments("B", portB));
    b = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true).redirectOutput(logs.resolve("node-b.log").toAbsolutePath().toFile()).start();
    a = new SpringApplicationBuilder(CreditWorkflowApplication.class).run(nodeArguments("A", 0).toArray(String[]::new));
    nodeA = new HttpTestClient(((WebServerApplicationContext) a).getWebServer().getPort());
    nodeB = new HttpTestClient(portB);
    await("node B up").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!b.isAlive()) {
        throw new IllegalStateException("node B stopped: see " + logs.resolve("node-b.log"));
      }
      try {
        return nodeB.get("/actuator/health", null, "application/json").statusCode() == 200;
      } catch (IOException notYet) {
        return false;
      }
    });
    db = a.getBean(JdbcTemplate.class);
  }

  /** What makes a node of this test: the database, the mail server, the job executor's timing, its name. */
  private List<String> nodeArguments(String node, int port) {
    String url = System.getenv("DB_URL").replaceFirst("(jdbc:mysql://[^/?]+)/[^?]*", "$1/" + DATABASE);
    return List.of("--spring.profiles.active=mysql", "--server.port=" + port, "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user(), "--spring.datasource.password=" + password(),
        "--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE, "--credit.demo-data.enabled=true",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=500",
        // the job log names the node that ran each job
        "--camunda.bpm.generic-properties.properties.hostname=node" + node,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--credit.mail.dispatch-enabled=true", "--credit.mail.poll-interval=PT1S",
        // a mail the killed node had claimed goes back to the queue this soon
        "--credit.mail.stale-after=PT10S",
        // closing an engine unregisters its name JVM-wide, and the webapps keep JVM-wide state
        "--camunda.bpm.process-engine-name=cluster" + node, "--camunda.bpm.webapp.enabled=false");
  }

  @AfterAll
  void stopNodes() throws Exception {
    if (b != null && b.isAlive()) {
      b.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (a != null) {
      a.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    try (Connection c = DriverManager.getConnection(server, user(), password()); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE);
    }
  }

  /** MariaDB through Connector/J says it is MySQL 5.5.5: the node speaks MariaDB's dialect all the same. */
  @Test
  @Order(0)
  void theNodeUsesTheDialectOfItsServer() {
    String version = db.queryForObject("select version()", String.class);
    Dialect dialect = a.getBean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class).getJdbcServices()
        .getDialect();
    System.out.printf("server %s: Hibernate's %s, version %s%n", version, dialect.getClass().getSimpleName(),
        dialect.getVersion());
    if (version.contains("MariaDB")) {
      assertThat(dialect).isInstanceOf(MariaDBDialect.class);
      assertThat(version).startsWith(dialect.getVersion().getDatabaseMajorVersion() + "."
          + dialect.getVersion().getDatabaseMinorVersion() + ".");
    } else {
      assertThat(dialect).isInstanceOf(MySQLDialect.class).isNotInstanceOf(MariaDBDialect.class);
    }
  }

  @Test
  @Order(1)
  void casesWorkedThroughBothNodesEndConsistentWithEveryTimerOnceAndEveryMailOnce() throws Exception {
    List<Long> records = freshRecords(8);
    List<Long> cases = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      HttpTestClient here = i % 2 == 0 ? nodeA : nodeB;
      HttpTestClient there = i % 2 == 0 ? nodeB : nodeA;
      long id = file(here, records.get(i));
      assertThat(sign(there, id)).isEqualTo(201);
      cases.add(id);
    }
    // the deadline timers of every case's acceptance, due now: both job executors take them
    List<String> timers = makeTimersDue(cases);
    awaitJobsDone(timers, Duration.ofMinutes(1));
    for (int i = 0; i < cases.size(); i++) {
      HttpTestClient here = i % 2 == 0 ? nodeA : nodeB;
      HttpTestClient there = i % 2 == 0 ? nodeB : nodeA;
      String accept = awaitTask(cases.get(i), ModelNames.Repair.ACCEPT);
      assertThat(here.postJson("/api/tasks/" + accept + "/claim", "reviewer.ecology", "{}").statusCode()).isEqualTo(200);
      assertThat(there.postJson("/api/tasks/" + accept + "/complete", "reviewer.ecology",
          "{\"acceptOutcome\":\"accept\"}").statusCode()).isEqualTo(200);
      String decide = awaitTask(cases.get(i), ModelNames.Repair.VERIFY_AND_DECIDE);
      assertThat(there.postJson("/api/tasks/" + decide + "/claim", "reviewer.ecology", "{}").statusCode()).isEqualTo(200);
      assertThat(here.postJson("/api/tasks/" + decide + "/complete", "reviewer.ecology",
          "{\"decision\":\"grant\",\"decisionReasons\":\"整改到位，信用报告无新增失信\"}").statusCode()).isEqualTo(200);
    }
    Map<Long, String> states = awaitStates(cases, "COMPLETED");
    awaitOutboxSent(Duration.ofMinutes(1));
    JobRuns runs = runsOf(timers);
    Mails mails = mails();
    System.out.printf("two nodes, cases worked through both: %d cases, states %s, inconsistent %d; timers due %d,"
        + " ran once %d, ran by node %s, failed attempts %d; mails written %d, delivered %d, delivered twice %d,"
        + " never delivered %d%n", cases.size(), countBy(states.values()), inconsistent(cases).size(), timers.size(),
        runs.once().size(), runs.byNode(), runs.failures(), mails.written(), mails.delivered(), mails.twice(),
        mails.missing());

    assertThat(states.values()).as("every case ends granted and completed").containsOnly("COMPLETED");
    assertThat(inconsistent(cases)).as("cases whose state and process disagree").isEmpty();
    assertThat(runs.once()).as("timers that ran exactly once").containsExactlyInAnyOrderElementsOf(timers);
    assertThat(incidents()).isZero();
    assertThat(mails.written()).as("mails of filing, tasks, timers and decisions").isGreaterThan(cases.size() * 3);
    assertThat(mails.twice()).as("mails delivered more than once").isZero();
    assertThat(mails.missing()).as("mails written and never delivered").isZero();
  }

  @Test
  @Order(2)
  void aNodeKilledMidLoadHasItsJobsRunByTheOtherOnceTheirLockExpiresAndNothingIsLost() throws Exception {
    List<Long> prepared = freshRecords(16);
    Queue<Long> forLoad = new ConcurrentLinkedQueue<>(freshRecords(30));
    List<Long> cases = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      long id = file(i % 2 == 0 ? nodeA : nodeB, prepared.get(i));
      assertThat(sign(i % 2 == 0 ? nodeB : nodeA, id)).isEqualTo(201);
      cases.add(id);
    }
    String ownerA = a.getBean(JobExecutor.class).getLockOwner();

    // load on both nodes: filings and signatures, each on either node
    Map<Long, Integer> filings = new ConcurrentHashMap<>();
    Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean bKilled = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(2);
    for (int t = 0; t < 2; t++) {
      boolean fromA = t == 0;
      load.submit(() -> {
        Long record;
        while (!stop.get() && (record = forLoad.poll()) != null) {
          // once node B is gone, as a load balancer would, only node A is asked
          HttpTestClient first = fromA || bKilled.get() ? nodeA : nodeB;
          HttpTestClient second = !fromA || bKilled.get() ? nodeA : nodeB;
          try {
            HttpResponse<String> filed = first.postJson("/api/repair-requests", "applicant.a",
                "{\"recordId\":" + record + ",\"proof\":\"已缴清罚款并完成整改\"}");
            filings.put(record, filed.statusCode());
            if (filed.statusCode() == 201) {
              long id = JSON.readTree(filed.body()).get("id").asLong();
              acknowledged.put(record, id);
              sign(second, id);
            }
          } catch (Exception noAnswer) {
            filings.putIfAbsent(record, -1); // the node died under the request: not acknowledged
          }
        }
        return null;
      });
    }
    // the cases' timers made due a few cases at a time until node B is seen holding jobs it has taken
    // and not yet done (node A may take a whole batch first); then node B is killed
    List<String> timers = new ArrayList<>();
    List<String> heldByB = List.of();
    int batches = 0;
    while (heldByB.isEmpty() && batches * 4 < cases.size()) {
      timers.addAll(makeTimersDue(cases.subList(batches * 4, Math.min(cases.size(), ++batches * 4))));
      try {
        heldByB = await("node B holding jobs").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
            .until(() -> db.queryForList("select ID_ from ACT_RU_JOB where LOCK_OWNER_ is not null and LOCK_OWNER_ <> ?",
                String.class, ownerA), l -> !l.isEmpty());
      } catch (ConditionTimeoutException bothDoneFirst) {
        // node A (or node B, between two looks) did this batch: the next one
      }
    }
    assertThat(heldByB).as("node B seen holding jobs, after " + batches + " batches of timers").isNotEmpty();
    b.destroyForcibly();
    assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Instant killedAt = Instant.now();
    bKilled.set(true);
    // the server ends the dead node's sessions and rolls back what they had begun: node A's pool is left
    await("the dead node's sessions ended").atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
        "select count(*) from information_schema.PROCESSLIST where DB = ?", Long.class, DATABASE) <= POOL_SIZE);
    Map<String, Instant> lockedByB = new TreeMap<>();
    db.queryForList("select ID_, LOCK_EXP_TIME_ from ACT_RU_JOB where LOCK_OWNER_ is not null and LOCK_OWNER_ <> ?",
        ownerA).forEach(row -> lockedByB.put((String) row.get("ID_"), toInstant(row.get("LOCK_EXP_TIME_"))));
    Set<Long> sendingAtKill = new TreeSet<>(db.queryForList("select id from notification where status = 'SENDING'",
        Long.class));
    int answeredAtKill = filings.size();

    // node A takes them once their lock has expired, and the load goes on against it
    awaitJobsDone(List.copyOf(lockedByB.keySet()), LOCK_TIME.plus(Duration.ofMinutes(1)));
    // the rest of the timers, for node A alone
    timers.addAll(makeTimersDue(cases.subList(batches * 4, cases.size())));
    awaitJobsDone(timers, Duration.ofMinutes(1));
    stop.set(true);
    load.shutdown();
    assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    awaitOutboxSent(Duration.ofMinutes(1));

    List<Long> all = db.queryForList("select id from repair_request order by id", Long.class);
    List<Long> lost = acknowledged.values().stream().filter(id -> !all.contains(id)).toList();
    JobRuns runs = runsOf(timers);
    JobRuns runsOfB = runsOf(List.copyOf(lockedByB.keySet()));
    List<String> takenTooEarly = lockedByB.entrySet().stream().filter(held -> runsOfB.successAt().containsKey(held.getKey())
        // the database keeps whole seconds (sendFractionalSeconds=false)
        && runsOfB.successAt().get(held.getKey()).isBefore(held.getValue().minusSeconds(1))).map(Map.Entry::getKey).toList();
    long stillLocked = db.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null and LOCK_OWNER_ <> ?",
        Long.class, ownerA);
    Mails mails = mails();
    Map<Integer, Integer> byStatus = countBy(filings.values());
    List<Long> ranAfterKill = runsOfB.successAt().values().stream().map(at -> Duration.between(killedAt, at).toSeconds())
        .sorted().toList();
    System.out.printf("node B killed mid-load (%d of %d filings answered by then): it held %d jobs (seen holding %d"
        + " before the kill), node A ran %s of them once, %s s after the kill, none before the lock expired (%d early),"
        + " %d still locked;"
        + " timers due %d, ran once %d (by node %s); filings by status %s (-1: no answer), %d acknowledged, %d lost;"
        + " cases %d, states %s, inconsistent %d; mails written %d, delivered %d, delivered twice %d (%d were being"
        + " sent at the kill), never delivered %d; timers made due in %d batches before the kill%n",
        answeredAtKill, filings.size() + forLoad.size(), lockedByB.size(), heldByB.size(), runsOfB.byNode(),
        ranAfterKill, takenTooEarly.size(), stillLocked, timers.size(), runs.once().size(), runs.byNode(), byStatus,
        acknowledged.size(), lost.size(), all.size(), countBy(statesOf(all).values()), inconsistent(all).size(),
        mails.written(), mails.delivered(), mails.twice(), sendingAtKill.size(), mails.missing(), batches);

    assertThat(lockedByB).as("jobs node B held when it was killed").isNotEmpty();
    assertThat(runsOfB.once()).as("node B's jobs, each run once").containsExactlyInAnyOrderElementsOf(lockedByB.keySet());
    assertThat(runsOfB.byNode()).as("node B's jobs, run by node A").containsOnlyKeys("nodeA");
    assertThat(takenTooEarly).as("node B's jobs run before their lock expired").isEmpty();
    assertThat(stillLocked).as("jobs still locked by the dead node").isZero();
    assertThat(runs.once()).as("timers that ran exactly once").containsExactlyInAnyOrderElementsOf(timers);
    assertThat(incidents()).isZero();
    assertThat(byStatus.keySet()).as("filings answered 201, or not at all by the dying node").isSubsetOf(201, -1);
    assertThat(acknowledged).as("filings acknowledged").isNotEmpty();
    assertThat(lost).as("acknowledged cases missing").isEmpty();
    assertThat(inconsistent(all)).as("cases whose state and process disagree").isEmpty();
    assertThat(mails.missing()).as("mails written and never delivered").isZero();
    // a mail node B had sent when it died, before it could mark it sent, goes out again: the outbox
    // delivers at least once; nothing else is sent twice
    assertThat(mails.twice()).as("mails delivered twice").isLessThanOrEqualTo(sendingAtKill.size());
    assertThat(nodeA.get("/actuator/health", null, "application/json").statusCode()).isEqualTo(200);
  }

  private long file(HttpTestClient node, long record) throws Exception {
    HttpResponse<String> filed = node.postJson("/api/repair-requests", "applicant.a",
        "{\"recordId\":" + record + ",\"proof\":\"已缴清罚款并完成整改\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return JSON.readTree(filed.body()).get("id").asLong();
  }

  private static int sign(HttpTestClient node, long id) throws Exception {
    return node.postJson("/api/repair-requests/" + id + "/commitment", "applicant.a",
        "{\"signatoryName\":\"王明德\",\"accepted\":true}").statusCode();
  }

  private List<Long> freshRecords(int count) {
    TransactionTemplate tx = a.getBean(TransactionTemplate.class);
    return tx.execute(s -> {
      var entity = a.getBean(AppUserRepository.class).findById("applicant.a").orElseThrow().getEntity();
      Department ecology = a.getBean(DepartmentRepository.class).getReferenceById("ecology");
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(a.getBean(RecordService.class).publish(new RecordFacts(entity, ecology, RecordType.ADMINISTRATIVE_PENALTY,
            Severity.GENERAL, "两节点〔" + System.nanoTime() + "〕号", "测试处罚", "内容", LocalDate.now(ZONE).minusDays(200),
            null, Set.<Department>of()), "test").getId());
      }
      return ids;
    });
  }

  /** Sets the due date of every timer of the cases' processes to now; returns the timers' job ids. */
  private List<String> makeTimersDue(List<Long> cases) {
    ManagementService management = a.getBean(ManagementService.class);
    List<String> timers = new ArrayList<>();
    for (Long id : cases) {
      timers.addAll(db.queryForList("select j.ID_ from ACT_RU_JOB j join repair_request r on r.process_instance_id ="
          + " j.PROCESS_INSTANCE_ID_ where r.id = ? and j.TYPE_ = 'timer'", String.class, id));
    }
    Date now = Date.from(Instant.now().minusSeconds(1));
    timers.forEach(job -> management.setJobDuedate(job, now));
    assertThat(timers).as("the acceptance's reminder, overdue and city timers of each case").hasSize(cases.size() * 3);
    return timers;
  }

  private void awaitJobsDone(List<String> jobs, Duration atMost) {
    if (jobs.isEmpty()) {
      return;
    }
    String in = jobs.stream().map(j -> "'" + j + "'").collect(Collectors.joining(","));
    await("jobs done").atMost(atMost).pollInterval(Duration.ofMillis(250))
        .until(() -> db.queryForObject("select count(*) from ACT_RU_JOB where ID_ in (" + in + ")", Long.class) == 0);
  }

  private String awaitTask(long caseId, String step) {
    return await("task " + step + " of case " + caseId).atMost(Duration.ofSeconds(30)).until(() -> db.queryForList(
        "select t.ID_ from ACT_RU_TASK t join repair_request r on r.process_instance_id = t.PROC_INST_ID_"
            + " where r.id = ? and t.TASK_DEF_KEY_ = ?", String.class, caseId, step), l -> l.size() == 1).get(0);
  }

  private Map<Long, String> awaitStates(List<Long> cases, String state) {
    return await("cases " + state).atMost(Duration.ofSeconds(30)).until(() -> statesOf(cases),
        states -> states.values().stream().allMatch(state::equals));
  }

  private Map<Long, String> statesOf(List<Long> cases) {
    Map<Long, String> states = new TreeMap<>();
    for (Long id : cases) {
      states.put(id, db.queryForObject("select state from repair_request where id = ?", String.class, id));
    }
    return states;
  }

  /**
   * Cases whose state and process disagree: a state this test does not reach, an open case whose
   * process does not run exactly once or whose open steps are not its state's, a closed one still running.
   */
  private List<Long> inconsistent(List<Long> cases) {
    List<Long> wrong = new ArrayList<>();
    for (Long id : cases) {
      Map<String, Object> row = db.queryForMap("select state, process_instance_id from repair_request where id = ?", id);
      String process = (String) row.get("process_instance_id");
      Set<String> expected = OPEN_STEPS.get((String) row.get("state"));
      long runs = db.queryForObject("select count(*) from ACT_RU_EXECUTION where PROC_INST_ID_ = ? and PARENT_ID_ is null",
          Long.class, process);
      Set<String> open = new TreeSet<>(db.queryForList("select TASK_DEF_KEY_ from ACT_RU_TASK where PROC_INST_ID_ = ?"
          + " or PROC_INST_ID_ in (select ID_ from ACT_HI_PROCINST where SUPER_PROCESS_INSTANCE_ID_ = ?)",
          String.class, process, process));
      if (expected == null || runs != (expected.isEmpty() ? 0 : 1) || !open.equals(expected)) {
        wrong.add(id);
      }
    }
    return wrong;
  }

  private long incidents() {
    return db.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
  }

  /** What the job log says of these jobs: which ran exactly once, when, on which node, and how many attempts failed. */
  record JobRuns(List<String> once, Map<String, Instant> successAt, Map<String, Integer> byNode, int failures) {}

  private JobRuns runsOf(List<String> jobs) {
    HistoryService history = a.getBean(HistoryService.class);
    List<String> once = new ArrayList<>();
    Map<String, Instant> at = new HashMap<>();
    Map<String, Integer> byNode = new TreeMap<>();
    int failures = 0;
    for (String job : jobs) {
      List<HistoricJobLog> successes = history.createHistoricJobLogQuery().jobId(job).successLog().list();
      if (successes.size() == 1) {
        once.add(job);
        at.put(job, successes.get(0).getTimestamp().toInstant());
        byNode.merge(successes.get(0).getHostname(), 1, Integer::sum);
      }
      failures += (int) history.createHistoricJobLogQuery().jobId(job).failureLog().count();
    }
    return new JobRuns(once, at, byNode, failures);
  }

  private void awaitOutboxSent(Duration atMost) {
    await("the outbox sent").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> db.queryForObject(
        "select count(*) from notification where status <> 'SENT'", Long.class) == 0);
  }

  /** The outbox against what the mail server received, mail by mail (recipient, subject and body). */
  record Mails(int written, int delivered, int twice, int missing) {}

  private Mails mails() throws Exception {
    Map<String, Integer> written = new HashMap<>();
    db.queryForList("select recipient_email, subject, body from notification").forEach(row -> written.merge(
        mailKey((String) row.get("recipient_email"), (String) row.get("subject"), (String) row.get("body")), 1, Integer::sum));
    Map<String, Integer> delivered = new HashMap<>();
    MimeMessage[] received = smtp.getReceivedMessages();
    for (MimeMessage mail : received) {
      delivered.merge(mailKey(((InternetAddress) mail.getAllRecipients()[0]).getAddress(), mail.getSubject(),
          String.valueOf(mail.getContent())), 1, Integer::sum);
    }
    int twice = 0;
    int missing = 0;
    for (Map.Entry<String, Integer> mail : written.entrySet()) {
      int got = delivered.getOrDefault(mail.getKey(), 0);
      twice += Math.max(0, got - mail.getValue());
      missing += Math.max(0, mail.getValue() - got);
    }
    return new Mails(written.values().stream().mapToInt(Integer::intValue).sum(), received.length, twice, missing);
  }

  /** A mail as the outbox has it and as it arrives: SMTP ends its lines with CR LF and may fold them. */
  private static String mailKey(String recipient, String subject, String body) {
    return recipient + "\n" + subject + "\n" + body.replaceAll("\\s+", " ").strip();
  }

  private static <T> Map<T, Integer> countBy(Iterable<T> values) {
    Map<T, Integer> counts = new TreeMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  private static Instant toInstant(Object databaseTime) {
    return databaseTime instanceof Timestamp t ? t.toInstant()
        : ((LocalDateTime) databaseTime).atZone(ZoneId.systemDefault()).toInstant();
  }

  /**
   * This JVM's class path without empty entries: an empty entry is the working directory, and there
   * (the project's root) the node would find the models a second time and refuse the deployment.
   */
  private static String classPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).filter(e -> !e.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  private static String user() {
    return System.getenv("DB_USER");
  }

  private static String password() {
    return System.getenv("DB_PASSWORD") == null ? "" : System.getenv("DB_PASSWORD");
  }
}
