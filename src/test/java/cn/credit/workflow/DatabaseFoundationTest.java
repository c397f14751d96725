package cn.credit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.MarketEntityRepository;
import cn.credit.workflow.process.identity.EngineIdentitySync;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordHistoryEntry;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database-facing foundation: runs on H2 in every build and again against MySQL/MariaDB in
 * CI (tag "database", profile mysql). Hibernate validates the Flyway schema as the context starts
 * (ddl-auto=validate), so a context that starts is already half of the proof.
 */
@Tag("database")
@RunningAppTest
class DatabaseFoundationTest {

  @Autowired Flyway flyway;
  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired EngineIdentitySync identitySync;
  @Autowired DepartmentRepository departments;
  @Autowired MarketEntityRepository entities;
  @Autowired DishonestyRecordRepository records;
  @Autowired AppUserRepository users;
  @Autowired RecordService recordService;
  @Autowired TransactionTemplate tx;
  @Value("${spring.jpa.hibernate.ddl-auto}") String ddlAuto;

  @Test
  void flywayAppliedEveryMigrationAndHibernateValidatesTheSchema() throws Exception {
    assertThat(flyway.info().applied()).isNotEmpty()
        .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(ddlAuto).isEqualTo("validate");
    try (var connection = dataSource.getConnection()) {
      System.out.println("Foundation test database: " + connection.getMetaData().getDatabaseProductName() + " "
          + connection.getMetaData().getDatabaseProductVersion());
    }
  }

  @Test
  void theEngineStartedOnThisDatabase() {
    assertThat(engine.getName()).isEqualTo("default");
    assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_TASK");
  }

  @Test
  void aDepartmentIsACamundaGroupAndItsPeopleAreMembers() {
    assertThat(groupsOf("reviewer.market")).containsExactly("market");
    assertThat(groupsOf("leader.market")).containsExactlyInAnyOrder("market", "market-leaders");
    assertThat(groupsOf("reviewer.credit-office")).containsExactly("credit-office");
    assertThat(groupsOf("leader.city")).containsExactly("city-leaders");
    assertThat(groupsOf("admin")).containsExactly("camunda-admin");
    assertThat(identity.createGroupQuery().groupId("market").singleResult().getName()).isEqualTo("市市场监督管理局");
    assertThat(identity.createUserQuery().memberOfGroup("tax").list()).extracting(u -> u.getId())
        .containsExactlyInAnyOrder("reviewer.tax", "leader.tax");
    assertThat(identity.createUserQuery().count()).isEqualTo(users.count());
  }

  @Test
  void theSyncPutsBackWhatTheAppSaysAndRemovesWhatItDoesNot() {
    identity.createMembership("reviewer.market", "tax");
    identity.deleteMembership("reviewer.ecology", "ecology");
    identitySync.syncAll();
    assertThat(groupsOf("reviewer.market")).containsExactly("market");
    assertThat(groupsOf("reviewer.ecology")).containsExactly("ecology");
  }

  @Test
  void demoDataGivesEachApplicantRecordsRepairableTodayAndRecordsNotYet() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertThat(departments.count()).isGreaterThanOrEqualTo(7);
    for (String applicant : List.of("applicant.a", "applicant.b")) {
      var entity = users.findById(applicant).orElseThrow().getEntity();
      assertThat(entity).as(applicant + " acts for an entity").isNotNull();
      List<DishonestyRecord> own = records.findByEntityIdOrderByDecisionDateDesc(entity.getId());
      assertThat(own).as(applicant + " has a record it may repair today").anyMatch(r -> r.isRepairableOn(today));
      assertThat(own).as(applicant + " has a published record it may not repair yet")
          .anyMatch(r -> r.getState().isOnPublicList() && !r.isRepairableOn(today));
      assertThat(own).extracting(DishonestyRecord::getSeverity).contains(Severity.MINOR, Severity.GENERAL,
          Severity.SERIOUS);
    }
  }

  @Test
  void recordsAndTheirHistoryKeepFourByteChineseTextAndTheirInstants() {
    String name = "济南𠮷祥建材有限公司"; // 𠮷 needs four bytes: utf8mb4 or nothing
    Long id = tx.execute(status -> {
      MarketEntity entity = entities.save(new MarketEntity("91370103MA3R2L6P4H", name, EntityKind.ENTERPRISE, "张三"));
      DishonestyRecord record = recordService.publish(new RecordFacts(entity, departments.getReferenceById("market"),
          RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "济市监处罚〔2026〕999号", "测试", "内容",
          LocalDate.of(2026, 3, 2), null, Set.of(departments.getReferenceById("tax"))), "reviewer.market");
      record.changeState(PublicationState.DISPUTED, "reviewer.credit-office", "异议受理", "D-2026-0001",
          Instant.parse("2026-03-05T02:03:04.123456Z"));
      return record.getId();
    });
    tx.executeWithoutResult(status -> {
      DishonestyRecord record = records.findById(id).orElseThrow();
      assertThat(record.getEntity().getName()).isEqualTo(name);
      // serious, decided 2026-03-02: 1 and 3 years end with 03-02, the dates are the days after
      assertThat(record.getEarliestRepairDate()).isEqualTo(LocalDate.of(2027, 3, 3));
      assertThat(record.getAutomaticEndDate()).isEqualTo(LocalDate.of(2029, 3, 3));
      assertThat(record.getJointPunishmentMembers()).extracting(d -> d.getCode()).containsExactly("tax");
      assertThat(record.getHistory()).hasSize(2);
      RecordHistoryEntry last = record.getHistory().get(1);
      assertThat(last.getToState()).isEqualTo(PublicationState.DISPUTED);
      assertThat(last.getReason()).isEqualTo("异议受理");
      assertThat(last.getCaseRef()).isEqualTo("D-2026-0001");
      // MySQL connections send no fractional seconds (Camunda needs that): whole seconds survive
      Instant written = Instant.parse("2026-03-05T02:03:04.123456Z");
      assertThat(last.getOccurredAt()).isBetween(written.truncatedTo(ChronoUnit.SECONDS), written);
    });
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
