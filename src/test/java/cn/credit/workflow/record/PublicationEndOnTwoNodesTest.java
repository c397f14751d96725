package cn.credit.workflow.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.CreditWorkflowApplication;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.notification.Notification;
import cn.credit.workflow.notification.NotificationRepository;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairRequestRepository;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.repair.RepairState;
import cn.credit.workflow.user.AppUserRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily end of publication on two nodes sharing one database: two whole application contexts
 * (each its own engine and pool, as NodesStartingTogetherTest starts them), the clock moved past a
 * record's maximum, both nodes try the day's run at the same moment. The record expires exactly once
 * and its open repair request ends with a notice to the applicant.
 */
class PublicationEndOnTwoNodesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private String url;

  @AfterEach
  void stop() throws Exception {
    EngineTime.reset();
    nodes.forEach(ConfigurableApplicationContext::close);
    try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement s = db.createStatement()) {
      s.execute("shutdown");
    }
  }

  @Test
  void theRecordExpiresOnceAcrossTwoNodesAndItsOpenRequestEndsWithANotice() throws Exception {
    url = "jdbc:h2:mem:two-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    nodes.add(start("publicationEndNodeA"));
    nodes.add(start("publicationEndNodeB"));
    ConfigurableApplicationContext a = nodes.get(0);

    Long recordId = a.getBean(TransactionTemplate.class).execute(s -> {
      var entity = a.getBean(AppUserRepository.class).findById("applicant.a").orElseThrow().getEntity();
      Department ecology = a.getBean(DepartmentRepository.class).getReferenceById("ecology");
      return a.getBean(RecordService.class).publish(new RecordFacts(entity, ecology, RecordType.ADMINISTRATIVE_PENALTY,
          Severity.GENERAL, "两节点期满〔" + System.nanoTime() + "〕号", "测试处罚", "内容",
          LocalDate.now(ZONE).minusDays(200), null, Set.<Department>of()), "test").getId();
    });
    RepairService repairs = a.getBean(RepairService.class);
    RepairRequest request = repairs.file("applicant.a", recordId, "已缴清罚款并完成整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    LocalDate end = a.getBean(DishonestyRecordRepository.class).findById(recordId).orElseThrow().getAutomaticEndDate();

    // the engine's clock is the JVM's, so both nodes are at the record's end together
    EngineTime.set(end.atTime(0, 30).atZone(ZONE).toInstant());
    List<OptionalInt> runs = SameMoment.all(nodes.stream()
        .<Supplier<OptionalInt>>map(node -> node.getBean(PublicationEnd.class)::runToday).toList());
    System.out.printf("publication end on two nodes on %s: runs done %s%n", end, runs);
    assertThat(runs.stream().filter(OptionalInt::isPresent)).as("nodes that did the day's run").hasSize(1);
    assertThat(nodes.get(1).getBean(PublicationEnd.class).runToday()).as("a later try the same day").isEmpty();

    DishonestyRecord record = a.getBean(TransactionTemplate.class).execute(s -> {
      DishonestyRecord r = a.getBean(DishonestyRecordRepository.class).findById(recordId).orElseThrow();
      r.getHistory().size();
      return r;
    });
    assertThat(record.getState()).isEqualTo(PublicationState.EXPIRED);
    assertThat(record.getHistory()).filteredOn(h -> h.getToState() == PublicationState.EXPIRED).hasSize(1);
    assertThat(a.getBean(RepairRequestRepository.class).findById(request.getId()).orElseThrow().getState())
        .isEqualTo(RepairState.RECORD_EXPIRED);
    assertThat(a.getBean(NotificationRepository.class).findByCaseRefOrderByCreatedAt(request.getCaseRef()).stream()
        .filter(n -> "applicant.a".equals(n.getRecipientUser())).map(Notification::getBody))
        .as("one notice of the end, not one per node")
        .filteredOn(body -> body.contains("公示期已满")).hasSize(1);
  }

  /** A node: a whole application context on the shared database; no job executor and no hourly try, so only the test's tries run. */
  private ConfigurableApplicationContext start(String engine) {
    return new SpringApplicationBuilder(CreditWorkflowApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
            "--spring.datasource.password=", "--credit.demo-data.enabled=true", "--credit.mail.dispatch-enabled=false",
            "--camunda.bpm.job-execution.enabled=false", "--credit.publication-end.cron=-",
            // closing an engine unregisters its name JVM-wide, and the webapps keep JVM-wide state
            "--camunda.bpm.process-engine-name=" + engine, "--camunda.bpm.webapp.enabled=false");
  }
}
