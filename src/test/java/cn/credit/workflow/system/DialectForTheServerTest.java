package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class DialectForTheServerTest {

  @Test
  void mariaDbThroughConnectorJIsToldByItsVersionAfterTheOldClientsPrefix() {
    DatabaseVersion version = DialectForTheServer.mariaDbVersion("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1");
    assertThat(version.getDatabaseMajorVersion()).isEqualTo(10);
    assertThat(version.getDatabaseMinorVersion()).isEqualTo(11);
    assertThat(version.getDatabaseMicroVersion()).isEqualTo(19);
    assertThat(DialectForTheServer.mariaDbVersion("MySQL", "11.4.2-MariaDB").getDatabaseMajorVersion()).isEqualTo(11);
  }

  @Test
  void mySqlAndOtherDatabasesKeepHibernatesOwnChoice() {
    assertThat(DialectForTheServer.mariaDbVersion("MySQL", "8.4.3")).isNull();
    assertThat(DialectForTheServer.mariaDbVersion("H2", "2.3.232 (2024-08-11)")).isNull();
  }

  @Test
  void theResolverGivesMariaDbItsDialectWithItsVersionAndLeavesOtherServersToHibernate() {
    Dialect mariaDb = new MariaDbDialectResolver().resolveDialect(server("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1"));
    assertThat(mariaDb).isInstanceOf(MariaDBDialect.class);
    assertThat(mariaDb.getVersion().getDatabaseMajorVersion()).isEqualTo(10);
    assertThat(mariaDb.getVersion().getDatabaseMinorVersion()).isEqualTo(11);
    assertThat(new MariaDbDialectResolver().resolveDialect(server("MySQL", "8.4.3"))).isNull();
  }

  @Test
  void theResolverIsNamedToHibernateUnlessTheOperatorNamedADialect() {
    Map<String, Object> properties = new HashMap<>();
    new DialectForTheServer().customize(properties);
    assertThat(properties).containsEntry("hibernate.dialect_resolvers", MariaDbDialectResolver.class.getName());
    Map<String, Object> operators = new HashMap<>(Map.of("hibernate.dialect", "org.hibernate.dialect.MySQLDialect"));
    new DialectForTheServer().customize(operators);
    assertThat(operators).containsOnlyKeys("hibernate.dialect");
  }

  private static DialectResolutionInfo server(String product, String version) {
    DialectResolutionInfo info = Mockito.mock(DialectResolutionInfo.class);
    Mockito.when(info.getDatabaseName()).thenReturn(product);
    Mockito.when(info.getDatabaseVersion()).thenReturn(version);
    return info;
  }
}
