package cn.credit.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTest;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.inbox.InboxService;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test (its name matches no surefire pattern): counts the SQL statements the real application
 * sends for one repair case (file, sign, accept, grant without sign-off: two department tasks), and
 * the case's process instances, on the test database (H2). Counted on the calling thread only, at
 * the app's DataSource, every execute and batch entry. Four rounds; ADR 0003 gives the figures. Run
 * with {@code ./mvnw -B -ntp test -Dtest=DeadlineCaseMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the lines starting with MEASURE.
 */
@EngineTest
@Import(DeadlineCaseMeasurement.Counting.class)
class DeadlineCaseMeasurement {

  static volatile Thread counted;
  static final Map<String, Integer> byVerb = new TreeMap<>();

  @TestConfiguration
  static class Counting {
    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds ? wrap(ds, DataSource.class) : bean;
        }
      };
    }
  }

  static Object wrap(Object target, Class<?> type) {
    return Proxy.newProxyInstance(DeadlineCaseMeasurement.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
      if (Statement.class.isAssignableFrom(type) && Thread.currentThread() == counted
          && Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch").contains(m.getName())) {
        String sql = a != null && a.length > 0 && a[0] instanceof String s ? s : SQL.get();
        synchronized (byVerb) {
          byVerb.merge(sql == null ? "?" : sql.trim().split("\\s+", 2)[0].toLowerCase(), 1, Integer::sum);
        }
      }
      Object result;
      try {
        result = m.invoke(target, a);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Connection c && !(type == Connection.class)) {
        return wrap(c, Connection.class);
      }
      if (result instanceof java.sql.PreparedStatement s) {
        return wrapStatement(s, (String) a[0], m.getReturnType());
      }
      if (result instanceof Statement s && m.getName().equals("createStatement")) {
        return wrap(s, Statement.class);
      }
      return result;
    });
  }

  static final ThreadLocal<String> SQL = new ThreadLocal<>();

  static Object wrapStatement(Object target, String sql, Class<?> type) {
    return Proxy.newProxyInstance(DeadlineCaseMeasurement.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
      if (Thread.currentThread() == counted
          && Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch").contains(m.getName())) {
        synchronized (byVerb) {
          byVerb.merge(sql.trim().split("\\s+", 2)[0].toLowerCase(), 1, Integer::sum);
        }
      }
      try {
        return m.invoke(target, a);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  @Autowired RepairService repairs;
  @Autowired InboxService inbox;
  @Autowired TaskService taskService;
  @Autowired HistoryService history;
  @Autowired RecordService recordService;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TransactionTemplate tx;

  @Test
  void oneRepairCase() {
    for (int round = 0; round < 4; round++) {
      Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(users.findById("applicant.a").orElseThrow()
          .getEntity(), departments.getReferenceById("ecology"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL,
          "测量〔" + System.nanoTime() + "〕号", "测量", "内容", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null,
          Set.<Department>of()), "test").getId());
      synchronized (byVerb) {
        byVerb.clear();
      }
      counted = Thread.currentThread();
      RepairRequest request = repairs.file("applicant.a", recordId, "已缴清罚款并完成整改");
      repairs.sign(request.getId(), "applicant.a", "王明德", true);
      complete(request, "AcceptRequest", Map.of("acceptOutcome", "accept"));
      complete(request, "VerifyAndDecide", Map.of("decision", "grant"));
      counted = null;
      long instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(request.getCaseRef()).count();
      int total = byVerb.values().stream().mapToInt(Integer::intValue).sum();
      System.out.println("MEASURE round " + round + ": process instances " + instances + ", SQL statements " + total
          + " " + byVerb);
      assertThat(total).isPositive();
    }
  }

  private void complete(RepairRequest request, String step, Map<String, Object> values) {
    String id = taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef()).taskDefinitionKey(step)
        .singleResult().getId();
    inbox.complete(id, "reviewer.ecology", values);
  }
}
