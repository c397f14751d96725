package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.DatabaseVersion;
import org.junit.jupiter.api.Test;

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
}
