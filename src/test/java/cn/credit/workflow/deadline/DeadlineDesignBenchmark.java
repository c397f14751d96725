package cn.credit.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTime;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * ADR 0003's measurement: three ways of giving a task its deadline (reminder, overdue, city escalation),
 * counted on a plain in-process engine (no Spring), history level full. Not run by default: the class
 * name does not match surefire's patterns and it needs {@code -Ddeadline.bench=h2} or
 * {@code -Ddeadline.bench=jdbc:mysql://HOST:3306/DATABASE} (a database of its own: the engine's tables are
 * created and dropped in it), for example {@code ./mvnw -Dexec.skip=true test -Dtest=DeadlineDesignBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddeadline.bench=jdbc:mysql://HOST:3306/deadline_bench}
 * ({@code -Ddeadline.bench.user}, {@code -Ddeadline.bench.password}, {@code -Ddeadline.bench.rounds}). Statements are counted by a JDBC wrapper
 * around the engine's data source (each execute and each batch entry is one statement); on MySQL/MariaDB
 * the server's own session counters (Com_*) of the wrapper's connections are read as well.
 */
@EnabledIfSystemProperty(named = "deadline.bench", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineDesignBenchmark {

  static final int TASKS = 5;
  static final int ROUNDS = Integer.getInteger("deadline.bench.rounds", 7);
  static final long DAY = TimeUnit.DAYS.toMillis(1);

  enum Design { RAW, WATCH, TIMEOUT_LISTENER, BOUNDARY_TIMER }

  ProcessEngine engine;
  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;
  HistoryService history;
  CountingDataSource db;
  final BenchDeadlines deadlines = new BenchDeadlines();
  final Actions actions = new Actions();
  final Watch watch = new Watch();
  final StringBuilder report = new StringBuilder();
  int caseNumber;

  @BeforeAll
  void engine() throws Exception {
    String target = System.getProperty("deadline.bench");
    db = new CountingDataSource(target.equals("h2") ? "jdbc:h2:mem:deadline-bench;DB_CLOSE_DELAY=-1" : target);
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    config.setProcessEngineName("deadline-bench");
    config.setDataSource(db);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setDbMetricsReporterActivate(false); // no writes from a background thread while counting
    config.setIdGenerator(new StrongUuidGenerator()); // as the Spring Boot starter does
    config.setJdbcBatchProcessing(true); // the starter's default
    Map<Object, Object> beans = new HashMap<>();
    beans.put("deadlines", deadlines);
    beans.put("deadlineActions", actions);
    beans.put("watch", watch);
    config.setBeans(beans);
    engine = config.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    history = engine.getHistoryService();
    engine.getRepositoryService().createDeployment().name("deadline-bench")
        .addClasspathResource("bpmn/legacy/task-deadline.bpmn")
        .addModelInstance("raw.bpmn", model(Design.RAW))
        .addModelInstance("watch.bpmn", model(Design.WATCH))
        .addModelInstance("timeout.bpmn", model(Design.TIMEOUT_LISTENER))
        .addModelInstance("boundary.bpmn", model(Design.BOUNDARY_TIMER))
        .deploy();
    line("database: %s (%s)", db.product, target.startsWith("jdbc:") ? "own database" : "in memory");
  }

  @AfterAll
  void close() {
    at(null);
    if (engine != null) {
      engine.close();
    }
    System.out.println(report);
  }

  // ---------------------------------------------------------------------------------------------
  // the models: five user tasks in sequence, each with a working-day due date from a bean

  static String key(Design design) {
    return "bench" + design.name().replace("_", "");
  }

  BpmnModelInstance model(Design design) {
    ProcessBuilder process = Bpmn.createExecutableProcess(key(design)).camundaHistoryTimeToLive(180);
    AbstractFlowNodeBuilder<?, ?> flow = process.startEvent("CaseStarted");
    for (int i = 1; i <= TASKS; i++) {
      String step = "Step" + i;
      String due = "deadlines.due('" + step + "')";
      UserTaskBuilder task = flow.userTask(step).name("Step " + i).camundaCandidateGroups("market")
          .camundaDueDate("${" + due + "}");
      switch (design) {
        case WATCH -> task.camundaTaskListenerExpression("create", "${watch.created(task)}")
            .camundaTaskListenerExpression("complete", "${watch.ended(task)}")
            .camundaTaskListenerExpression("delete", "${watch.ended(task)}");
        case TIMEOUT_LISTENER -> task
            .camundaTaskListenerExpressionTimeoutWithDate("reminder", "${deadlineActions.remindTask(task)}",
                "${deadlines.reminderAt(" + due + ")}")
            .camundaTaskListenerExpressionTimeoutWithDate("overdue", "${deadlineActions.overdueTask(task)}",
                "${deadlines.overdueAt(" + due + ")}")
            .camundaTaskListenerExpressionTimeoutWithDate("city", "${deadlineActions.cityTask(task)}",
                "${deadlines.cityEscalationAt(" + due + ")}");
        default -> { }
      }
      flow = task;
      if (design == Design.BOUNDARY_TIMER) {
        String[][] timers = {{"Reminder", "reminderAt", "remind"}, {"Overdue", "overdueAt", "markOverdue"},
            {"City", "cityEscalationAt", "escalateToCity"}};
        for (String[] timer : timers) {
          task.boundaryEvent(step + "_" + timer[0]).cancelActivity(false)
              .timerWithDate("${deadlines." + timer[1] + "(" + due + ")}")
              .serviceTask(step + "_" + timer[0] + "Action")
              .camundaExpression("${deadlineActions." + timer[2] + "(execution, '" + step + "')}")
              .endEvent(step + "_" + timer[0] + "Done");
        }
      }
    }
    flow.endEvent("CaseEnded");
    return process.done();
  }

  // ---------------------------------------------------------------------------------------------
  // the measurements

  @Test
  void measure() throws Exception {
    // warm-up: caches, the deployment, the pool's connections
    for (int i = 0; i < 3; i++) {
      for (Design design : Design.values()) {
        runCase(design);
        extension(design);
      }
    }
    Map<Design, List<Counts>> cases = new LinkedHashMap<>();
    Map<Design, List<Counts>> extensions = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Design design : Design.values()) { // interleaved: each round runs every design once
        cases.computeIfAbsent(design, d -> new ArrayList<>()).add(runCase(design));
        extensions.computeIfAbsent(design, d -> new ArrayList<>()).add(extension(design));
      }
    }
    line("");
    line("per case (start, then complete five tasks before any timer is due); median of %d rounds", ROUNDS);
    table(cases);
    line("");
    line("per extension of one open task (due date and its three timers moved); median of %d rounds", ROUNDS);
    table(extensions);
    for (Design design : Design.values()) {
      line("%-17s case statements min..max %d..%d; extension %d..%d", design,
          cases.get(design).stream().mapToInt(c -> c.statements).min().orElse(0),
          cases.get(design).stream().mapToInt(c -> c.statements).max().orElse(0),
          extensions.get(design).stream().mapToInt(c -> c.statements).min().orElse(0),
          extensions.get(design).stream().mapToInt(c -> c.statements).max().orElse(0));
    }
    line("");
    line("statements of one case by kind (last round):");
    for (Design design : Design.values()) {
      Counts last = cases.get(design).get(cases.get(design).size() - 1);
      line("  %-17s %s", design, last.byVerb);
      line("  %-17s inserts %s", "", last.insertsByTable);
      line("  %-17s updates %s", "", last.updatesByTable);
      line("  %-17s deletes %s", "", last.deletesByTable);
      line("  %-17s selects %s", "", last.selectsByTable);
    }
  }

  @Test
  void timersFireExtendAndShowInTheCaseHistory() {
    for (Design design : List.of(Design.WATCH, Design.TIMEOUT_LISTENER, Design.BOUNDARY_TIMER)) {
      line("");
      line("== %s: fire, extend, history", design);
      Date t0 = Date.from(Instant.parse("2026-09-28T02:00:00Z")); // Monday 28 September 2026, 10:00 in Shanghai
      at(t0.toInstant());
      actions.fired.clear();
      String caseId = runtime.startProcessInstanceByKey(key(design), "F-" + design + "-" + (++caseNumber)).getId();
      Task step1 = openTask(caseId);
      Date due = step1.getDueDate();
      line("open task %s due %s; process instances running for the case: %d; timer jobs: %s", step1.getName(),
          due.toInstant(), runningInstancesFor(caseId), jobsOf(design, caseId));
      line("job rows: %s", jobRows());

      // extension before anything fires: move the due date and its timers
      Date newDue = deadlines.extended(due);
      extend(design, step1.getId(), newDue);
      line("after extension to %s: timer jobs %s", newDue.toInstant(), jobsOf(design, caseId));
      at(deadlines.overdueAt(due).toInstant().plusSeconds(60));
      line("at the old deadline + 1 min: due jobs %d (expected 0)", dueJobs().size());

      // the three moments of the extended deadline
      for (Function<Date, Date> moment : List.<Function<Date, Date>>of(deadlines::reminderAt, deadlines::overdueAt,
          deadlines::cityEscalationAt)) {
        at(moment.apply(newDue).toInstant().plusSeconds(60));
        List<Job> dueJobs = dueJobs();
        for (Job job : dueJobs) {
          db.counter.start();
          management.executeJob(job.getId());
          Counts fired = db.counter.stop();
          line("fired job (%s): %d statements; updates %s", fired.insertsByTable.isEmpty() ? "" : "inserts "
              + fired.insertsByTable, fired.statements, fired.updatesByTable);
          Task open = openTask(caseId);
          line("  timers still found by the task's execution: %d", management.createJobQuery()
              .executionId(open.getExecutionId()).timers().count());
        }
      }
      line("actions called: %s; task still open: %s", actions.fired, openTask(caseId) != null);
      line("case history (ACT_HI_ACTINST of the case instance): %s", history.createHistoricActivityInstanceQuery()
          .processInstanceId(caseId).orderPartiallyByOccurrence().asc().list().stream()
          .map(HistoricActivityInstance::getActivityId).toList());
      line("case job log (ACT_HI_JOB_LOG of the case instance): %s", history.createHistoricJobLogQuery()
          .processInstanceId(caseId).list().stream().map(this::describe).distinct().toList());
      line("same business key, other instances: %s", history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult()
              .getBusinessKey()).list().stream().filter(p -> !p.getId().equals(caseId))
          .map(p -> p.getProcessDefinitionKey() + ":" + history.createHistoricActivityInstanceQuery()
              .processInstanceId(p.getId()).list().stream().map(HistoricActivityInstance::getActivityId).toList())
          .toList());
      for (int i = 0; i < TASKS; i++) {
        tasks.complete(openTask(caseId).getId());
      }
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
      assertThat(management.createJobQuery().count()).isZero();
      at(null);
    }
  }

  /**
   * Timers whose expressions read the deadline in force (a process variable, as credit-repair's
   * decideDue): an extension sets the variable and has the engine evaluate each timer again.
   */
  @Test
  void recalculatingTheTimersOfATaskWhoseTimersReadTheDeadlineVariable() {
    for (Design design : List.of(Design.TIMEOUT_LISTENER, Design.BOUNDARY_TIMER)) {
      String key = "recalc" + design.name().replace("_", "");
      UserTaskBuilder task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
          .userTask("Decide").camundaDueDate("${decideDue}");
      if (design == Design.TIMEOUT_LISTENER) {
        task.camundaTaskListenerExpressionTimeoutWithDate("reminder", "${deadlineActions.remindTask(task)}",
            "${deadlines.reminderAt(decideDue)}")
            .camundaTaskListenerExpressionTimeoutWithDate("overdue", "${deadlineActions.overdueTask(task)}",
                "${deadlines.overdueAt(decideDue)}");
      } else {
        task.boundaryEvent("Decide_Reminder").cancelActivity(false).timerWithDate("${deadlines.reminderAt(decideDue)}")
            .endEvent().moveToActivity("Decide")
            .boundaryEvent("Decide_Overdue").cancelActivity(false).timerWithDate("${deadlines.overdueAt(decideDue)}")
            .endEvent().moveToActivity("Decide");
      }
      BpmnModelInstance model = task.endEvent().done();
      engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
      Date due = deadlines.due("Decide");
      String caseId = runtime.startProcessInstanceByKey(key, Map.of("decideDue", due)).getId();
      Task open = openTask(caseId);
      Date newDue = deadlines.extended(due);
      db.counter.start();
      runtime.setVariable(caseId, "decideDue", newDue);
      open.setDueDate(newDue);
      tasks.saveTask(open);
      for (Job job : management.createJobQuery().executionId(open.getExecutionId()).timers().list()) {
        management.recalculateJobDuedate(job.getId(), false);
      }
      Counts counts = db.counter.stop();
      List<Date> dates = management.createJobQuery().processInstanceId(caseId).timers().orderByJobDuedate().asc()
          .list().stream().map(Job::getDuedate).toList();
      line("");
      line("== %s, timers reading decideDue: after setVariable + recalculateJobDuedate: %s (expected %s, %s); "
          + "%d statements", design, dates.stream().map(Date::toInstant).toList(),
          deadlines.reminderAt(newDue).toInstant(), deadlines.overdueAt(newDue).toInstant(), counts.statements);
      assertThat(dates).containsExactly(deadlines.reminderAt(newDue), deadlines.overdueAt(newDue));
      runtime.deleteProcessInstance(caseId, "bench");
    }
  }

  /** A running case of today's kind (a watch beside its open task) moved to a model with timers. */
  @Test
  void migratingARunningCaseToAModelWithTimers() {
    for (Design design : List.of(Design.TIMEOUT_LISTENER, Design.BOUNDARY_TIMER)) {
      String caseId = runtime.startProcessInstanceByKey(key(Design.WATCH), "M-" + (++caseNumber)).getId();
      Task open = openTask(caseId);
      String source = runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult()
          .getProcessDefinitionId();
      String target = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key(design))
          .latestVersion().singleResult().getId();
      runtime.newMigration(runtime.createMigrationPlan(source, target).mapEqualActivities().build())
          .processInstanceIds(caseId).execute();
      Task migrated = openTask(caseId);
      line("");
      line("== migration WATCH -> %s with Step1 open: same task %s, due %s; case timers after migration: %s; "
          + "watch variable %s", design, migrated.getId().equals(open.getId()), migrated.getDueDate().toInstant(),
          management.createJobQuery().processInstanceId(caseId).timers().orderByJobDuedate().asc().list().stream()
              .map(j -> j.getDuedate().toInstant()).toList(), tasks.getVariableLocal(migrated.getId(), Watch.VARIABLE));
      runtime.deleteProcessInstance(caseId, "bench");
      runtime.createProcessInstanceQuery().processDefinitionKey(DeadlineMigration.WATCH_PROCESS).list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "bench"));
    }
  }

  /** A parallel multi-instance task (credit repair's ConfirmLifting, one task per member department). */
  @Test
  void multiInstanceTask() {
    for (Design design : List.of(Design.TIMEOUT_LISTENER, Design.BOUNDARY_TIMER)) {
      String key = "multi" + design.name().replace("_", "");
      UserTaskBuilder task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
          .userTask("Confirm").camundaCandidateGroups("${member}").camundaDueDate("${deadlines.due('sync')}")
          .multiInstance().camundaCollection("${members}").camundaElementVariable("member").multiInstanceDone();
      if (design == Design.TIMEOUT_LISTENER) {
        task.camundaTaskListenerExpressionTimeoutWithDate("reminder", "${deadlineActions.remindTask(task)}",
            "${deadlines.reminderAt(deadlines.due('sync'))}");
      } else {
        task.boundaryEvent("Confirm_Reminder").cancelActivity(false)
            .timerWithDate("${deadlines.reminderAt(deadlines.due('sync'))}").serviceTask("Confirm_ReminderAction")
            .camundaExpression("${deadlineActions.remind(execution, 'Confirm')}").endEvent().moveToActivity("Confirm");
      }
      engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", task.endEvent().done()).deploy();
      actions.fired.clear();
      String caseId = runtime.startProcessInstanceByKey(key, Map.of("members", List.of("a", "b", "c"))).getId();
      long open = tasks.createTaskQuery().processInstanceId(caseId).count();
      long timers = management.createJobQuery().processInstanceId(caseId).timers().count();
      at(deadlines.reminderAt(deadlines.due("sync")).toInstant().plusSeconds(60));
      dueJobs().forEach(j -> management.executeJob(j.getId()));
      at(null);
      line("");
      line("== multi-instance %s: %d open tasks, %d reminder timer jobs; fired: %s", design, open, timers, actions.fired);
      runtime.deleteProcessInstance(caseId, "bench");
    }
  }

  /** The engine's time and the deadlines bean's together; null: back to the system clock. */
  void at(Instant now) {
    if (now == null) {
      EngineTime.reset();
    } else {
      EngineTime.set(now);
    }
    deadlines.now = now;
  }

  String describe(HistoricJobLog log) {
    return log.getJobDefinitionType() + "@" + log.getActivityId() + " [" + log.getJobDefinitionConfiguration() + "]"
        + (log.isCreationLog() ? " created"
        : log.isSuccessLog() ? " successful" : log.isDeletionLog() ? " deleted" : " failed");
  }

  Counts runCase(Design design) {
    int baseline = runtimeRows(); // job definitions and the like
    db.counter.start();
    String caseId = runtime.startProcessInstanceByKey(key(design), "C-" + (++caseNumber)).getId();
    db.counter.pause();
    List<Integer> openRuntimeRows = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      Task task = openTask(caseId);
      openRuntimeRows.add(runtimeRows() - baseline);
      db.counter.resume();
      tasks.complete(task.getId());
      db.counter.pause();
    }
    Counts counts = db.counter.stop();
    counts.runtimeRowsWhileOpen = openRuntimeRows.get(0);
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    assertThat(management.createJobQuery().count()).isZero();
    assertThat(runtimeRows()).isEqualTo(baseline);
    return counts;
  }

  Counts extension(Design design) {
    String caseId = runtime.startProcessInstanceByKey(key(design), "E-" + (++caseNumber)).getId();
    Task task = openTask(caseId);
    Date newDue = deadlines.extended(task.getDueDate());
    db.counter.start();
    extend(design, task.getId(), newDue);
    Counts counts = db.counter.stop();
    assertThat(openTask(caseId).getDueDate()).isEqualTo(newDue);
    runtime.deleteProcessInstance(caseId, "bench", false, false);
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    return counts;
  }

  /**
   * A granted extension of an open task, as each design would do it through the public API: (c) as
   * the retired DeadlineWatch.extend (move the due date, end the watch, start a new one); (a) and (b) move
   * the due date and set the due date of the task's three timer jobs.
   */
  void extend(Design design, String taskId, Date newDue) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(newDue);
    tasks.saveTask(task);
    tasks.setVariableLocal(taskId, "overdue", false);
    switch (design) {
      case WATCH -> {
        Object old = tasks.getVariableLocal(taskId, Watch.VARIABLE);
        if (old != null && runtime.createProcessInstanceQuery().processInstanceId((String) old).count() > 0) {
          runtime.deleteProcessInstance((String) old, "deadline extended", true, true);
        }
        tasks.setVariableLocal(taskId, Watch.VARIABLE, watch.start(runtime, task.getProcessInstanceId(),
            runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey(), taskId, newDue));
      }
      case TIMEOUT_LISTENER, BOUNDARY_TIMER -> {
        // the task's timers, in the order they fire: reminder, overdue, city (a fired one is gone)
        List<Job> timers = management.createJobQuery().executionId(task.getExecutionId()).timers()
            .orderByJobDuedate().asc().list();
        List<Date> moved = List.of(deadlines.reminderAt(newDue), deadlines.overdueAt(newDue),
            deadlines.cityEscalationAt(newDue));
        List<Date> targets = moved.subList(moved.size() - timers.size(), moved.size());
        for (int i = 0; i < timers.size(); i++) {
          management.setJobDuedate(timers.get(i).getId(), targets.get(i));
        }
      }
      default -> { }
    }
  }

  Task openTask(String caseId) {
    return tasks.createTaskQuery().processInstanceId(caseId).singleResult();
  }

  long runningInstancesFor(String caseId) {
    String businessKey = runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getBusinessKey();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count();
  }

  List<String> jobsOf(Design design, String caseId) {
    return management.createJobQuery().timers().orderByJobDuedate().asc().list().stream()
        .map(j -> j.getDuedate().toInstant() + (j.getProcessInstanceId().equals(caseId) ? " (case)" : " (watch)"))
        .toList();
  }

  List<Job> dueJobs() {
    return management.createJobQuery().executable().orderByJobDuedate().asc().list();
  }

  String jobRows() {
    return db.query("SELECT HANDLER_TYPE_, HANDLER_CFG_, EXCLUSIVE_ FROM ACT_RU_JOB ORDER BY DUEDATE_",
        rs -> rs.getString(1) + " " + rs.getString(2) + " exclusive=" + rs.getBoolean(3)).toString();
  }

  int runtimeRows() {
    return db.query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) LIKE 'ACT\\_RU\\_%'"
        + (db.product.startsWith("H2") ? "" : " AND TABLE_SCHEMA = DATABASE()"), rs -> rs.getString(1)).stream()
        .mapToInt(table -> db.query("SELECT COUNT(*) FROM " + table, rs -> rs.getInt(1)).get(0)).sum();
  }

  void table(Map<Design, List<Counts>> results) {
    line("%-17s %9s %6s %6s %6s %6s %6s %6s %6s %6s %6s %7s %8s %10s", "design", "instances", "RU ins", "HI ins",
        "GE_BA", "stmts", "select", "insert", "update", "delete", "commit", "Com_*", "RU rows", "ms");
    for (Map.Entry<Design, List<Counts>> e : results.entrySet()) {
      List<Counts> list = e.getValue();
      line("%-17s %9s %6s %6s %6s %6s %6s %6s %6s %6s %6s %7s %8s %10s", e.getKey(),
          median(list, c -> c.processInstances), median(list, c -> c.inserts("ACT_RU_")),
          median(list, c -> c.inserts("ACT_HI_")), median(list, c -> c.inserts("ACT_GE_BYTEARRAY")),
          median(list, c -> c.statements), median(list, c -> c.byVerb.getOrDefault("select", 0)),
          median(list, c -> c.byVerb.getOrDefault("insert", 0)), median(list, c -> c.byVerb.getOrDefault("update", 0)),
          median(list, c -> c.byVerb.getOrDefault("delete", 0)), median(list, c -> c.commits),
          db.mysql ? String.valueOf(median(list, c -> c.serverStatements)) : "-",
          median(list, c -> c.runtimeRowsWhileOpen), median(list, c -> (int) c.millis));
    }
  }

  static int median(List<Counts> list, java.util.function.ToIntFunction<Counts> f) {
    int[] values = list.stream().mapToInt(f).sorted().toArray();
    return values[values.length / 2];
  }

  void line(String format, Object... args) {
    report.append(String.format(format, args)).append('\n');
  }

  // ---------------------------------------------------------------------------------------------
  // the beans the models call

  /** Dates as the app's Deadlines gives them (here: plain days, no holidays; the SQL is the same). */
  public static class BenchDeadlines {
    Instant now;

    public Date now() {
      return now == null ? new Date() : Date.from(now);
    }

    public Date due(String step) {
      long now = now().getTime();
      return new Date(now - now % DAY + 8 * DAY - 1000); // end of a day a week ahead
    }

    public Date reminderAt(Date due) {
      return new Date(due.getTime() - DAY);
    }

    public Date overdueAt(Date due) {
      return new Date(due.getTime() + 1000);
    }

    public Date cityEscalationAt(Date due) {
      return new Date(due.getTime() + 2 * DAY + 1000);
    }

    public Date extended(Date due) {
      return new Date(due.getTime() + 10 * DAY);
    }
  }

  /** What DeadlineActions does, reduced to recording the moment (the app publishes a DeadlineEvent). */
  public static class Actions {
    final List<String> fired = new ArrayList<>();

    public void remind(DelegateExecution execution) {
      fired.add("remind:" + execution.getCurrentActivityId());
    }

    public void markOverdue(DelegateExecution execution) {
      fired.add("overdue:" + execution.getCurrentActivityId());
    }

    public void escalateToCity(DelegateExecution execution) {
      fired.add("city:" + execution.getCurrentActivityId());
    }

    public void remind(DelegateExecution execution, String step) {
      fired.add("remind:" + step + " via " + execution.getCurrentActivityId());
    }

    public void markOverdue(DelegateExecution execution, String step) {
      fired.add("overdue:" + step + " via " + execution.getCurrentActivityId());
    }

    public void escalateToCity(DelegateExecution execution, String step) {
      fired.add("city:" + step + " via " + execution.getCurrentActivityId());
    }

    public void remindTask(DelegateTask task) {
      fired.add("remind:" + task.getTaskDefinitionKey() + " (" + task.getEventName() + ")");
    }

    public void overdueTask(DelegateTask task) {
      fired.add("overdue:" + task.getTaskDefinitionKey() + " (" + task.getEventName() + ")");
    }

    public void cityTask(DelegateTask task) {
      fired.add("city:" + task.getTaskDefinitionKey() + " (" + task.getEventName() + ")");
    }
  }

  /** The calls the retired DeadlineWatch made: start task-deadline.bpmn per task, delete it when the task ends. */
  public class Watch {
    static final String VARIABLE = "deadlineWatch";

    public void created(DelegateTask task) {
      RuntimeService service = task.getProcessEngineServices().getRuntimeService();
      task.setVariableLocal(VARIABLE, start(service, task.getProcessInstanceId(),
          task.getExecution().getProcessBusinessKey(), task.getId(), task.getDueDate()));
    }

    public void ended(DelegateTask task) {
      Object id = task.getVariableLocal(VARIABLE);
      RuntimeService service = task.getProcessEngineServices().getRuntimeService();
      if (id != null && service.createProcessInstanceQuery().processInstanceId((String) id).count() > 0) {
        service.deleteProcessInstance((String) id, "task " + task.getEventName(), true, true);
      }
    }

    String start(RuntimeService service, String caseId, String businessKey, String taskId, Date due) {
      Date reminderAt = deadlines.reminderAt(due);
      Map<String, Object> variables = new HashMap<>();
      variables.put("taskId", taskId);
      variables.put("dueAt", due);
      variables.put("reminderAt", reminderAt);
      variables.put("remind", reminderAt.after(deadlines.now()));
      variables.put("overdueAt", deadlines.overdueAt(due));
      variables.put("cityEscalationAt", deadlines.cityEscalationAt(due));
      return service.startProcessInstanceByKey(DeadlineMigration.WATCH_PROCESS, businessKey, variables).getId();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // counting

  static final class Counts {
    int statements;
    int commits;
    int processInstances;
    int serverStatements;
    int runtimeRowsWhileOpen;
    long millis;
    final Map<String, Integer> byVerb = new TreeMap<>();
    final Map<String, Integer> insertsByTable = new TreeMap<>();
    final Map<String, Integer> updatesByTable = new TreeMap<>();
    final Map<String, Integer> selectsByTable = new TreeMap<>();
    final Map<String, Integer> deletesByTable = new TreeMap<>();

    int inserts(String prefix) {
      return insertsByTable.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
          .mapToInt(Map.Entry::getValue).sum();
    }
  }

  static final class Counter {
    static final Pattern INSERT = Pattern.compile("(?is)^\\s*insert\\s+into\\s+([A-Za-z0-9_]+)");
    static final Pattern UPDATE = Pattern.compile("(?is)^\\s*update\\s+([A-Za-z0-9_]+)");
    static final Pattern SELECT = Pattern.compile("(?is)^\\s*select\\b.*?\\bfrom\\s+\\(?\\s*([A-Za-z0-9_]+)");
    static final Pattern DELETE = Pattern.compile("(?is)^\\s*delete\\s+(?:[A-Za-z0-9_]+\\s+)?from\\s+([A-Za-z0-9_]+)");
    final CountingDataSource db;
    boolean on;
    Counts counts;
    long started;
    long elapsed;
    Map<String, Long> serverBefore;

    Counter(CountingDataSource db) {
      this.db = db;
    }

    void start() {
      counts = new Counts();
      elapsed = 0;
      resume();
    }

    /** Counting again; the server's counters are read around each counted stretch only. */
    void resume() {
      serverBefore = db.serverCounters();
      started = System.nanoTime();
      on = true;
    }

    void pause() {
      on = false;
      elapsed += System.nanoTime() - started;
      Map<String, Long> after = db.serverCounters();
      counts.serverStatements += (int) after.entrySet().stream()
          .mapToLong(e -> e.getValue() - serverBefore.getOrDefault(e.getKey(), 0L)).sum();
    }

    Counts stop() {
      if (on) {
        pause();
      }
      counts.millis = TimeUnit.NANOSECONDS.toMillis(elapsed);
      Counts result = counts;
      counts = null;
      return result;
    }

    synchronized void statement(String sql) {
      if (!on) {
        return;
      }
      counts.statements++;
      String verb = sql.trim().split("\\s+", 2)[0].toLowerCase();
      counts.byVerb.merge(verb, 1, Integer::sum);
      Matcher insert = INSERT.matcher(sql);
      if (insert.find()) {
        String table = insert.group(1).toUpperCase();
        counts.insertsByTable.merge(table, 1, Integer::sum);
        if (table.equals("ACT_HI_PROCINST")) {
          counts.processInstances++;
        }
      }
      Matcher update = UPDATE.matcher(sql);
      if (update.find()) {
        counts.updatesByTable.merge(update.group(1).toUpperCase(), 1, Integer::sum);
      }
      Matcher select = SELECT.matcher(sql);
      if (select.find()) {
        counts.selectsByTable.merge(select.group(1).toUpperCase(), 1, Integer::sum);
      }
      Matcher delete = DELETE.matcher(sql);
      if (delete.find()) {
        counts.deletesByTable.merge(delete.group(1).toUpperCase(), 1, Integer::sum);
      }
    }

    synchronized void commit() {
      if (on) {
        counts.commits++;
      }
    }
  }

  /**
   * A small pool of physical connections, handed out wrapped: every execute and every batch entry is
   * counted with its SQL. Single-threaded here (no job executor), so between two engine calls every
   * connection is idle and its server session counters can be read.
   */
  static final class CountingDataSource implements DataSource {
    final String url;
    final Deque<Connection> idle = new ArrayDeque<>();
    final List<Connection> all = new ArrayList<>();
    final Counter counter = new Counter(this);
    final boolean mysql;
    String product;

    CountingDataSource(String url) throws SQLException {
      this.url = url;
      this.mysql = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
      try (Connection c = physical()) {
        product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
      }
    }

    Connection physical() throws SQLException {
      Connection c = mysql
          ? DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
              + "sendFractionalSeconds=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
              // without it the driver reports tables of every database on the server to the schema check
              + "&nullCatalogMeansCurrent=true",
              System.getProperty("deadline.bench.user", "root"), System.getProperty("deadline.bench.password", ""))
          : DriverManager.getConnection(url, "sa", "");
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      return c;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
      Connection c = idle.pollFirst();
      if (c == null) {
        c = physical();
        all.add(c);
      }
      Connection target = c;
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "close" -> {
                release(target);
                return null;
              }
              case "isClosed" -> {
                return false;
              }
              case "commit" -> counter.commit();
              default -> { }
            }
            Object result = call(target, method, args);
            if (result instanceof Statement statement && method.getName().startsWith("prepare")) {
              return wrap(statement, (String) args[0], method.getReturnType());
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
              return wrap(statement, null, Statement.class);
            }
            return result;
          });
    }

    synchronized void release(Connection c) {
      idle.addFirst(c);
    }

    Object wrap(Statement target, String sql, Class<?> type) {
      InvocationHandler handler = (proxy, method, args) -> {
        switch (method.getName()) {
          case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch" ->
              counter.statement(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
          default -> { }
        }
        return call(target, method, args);
      };
      return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    static Object call(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    /** The server's statement counters (Com_*) of this pool's sessions, summed; empty on H2. */
    synchronized Map<String, Long> serverCounters() {
      Map<String, Long> sum = new HashMap<>();
      if (!mysql) {
        return sum;
      }
      for (Connection c : all) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com\\_%'")) {
          while (rs.next()) {
            String name = rs.getString(1);
            // the reading itself, the driver's session settings and commits are not counted as statements
            if (!name.equals("Com_show_status") && !name.startsWith("Com_stmt_") && !name.equals("Com_set_option")
                && !name.equals("Com_commit") && !name.equals("Com_rollback")) {
              sum.merge(name, rs.getLong(2), Long::sum);
            }
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
      return sum;
    }

    /** A query of the benchmark's own, outside the counting. */
    synchronized <T> List<T> query(String sql, SqlFunction<T> row) {
      Connection c = idle.isEmpty() ? null : idle.peekFirst();
      try {
        Connection use = c != null ? c : physical();
        List<T> out = new ArrayList<>();
        try (Statement s = use.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            out.add(row.apply(rs));
          }
        }
        if (!use.getAutoCommit()) {
          use.commit();
        }
        if (c == null) {
          use.close();
        }
        return out;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) { }

    @Override
    public void setLoginTimeout(int seconds) { }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  interface SqlFunction<T> {
    T apply(ResultSet rs) throws SQLException;
  }
}
