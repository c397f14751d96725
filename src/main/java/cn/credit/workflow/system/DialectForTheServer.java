package cn.credit.workflow.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MariaDBDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * MariaDB through MySQL Connector/J calls itself "MySQL 5.5.5-10.11…-MariaDB", and Hibernate would
 * take it for an old MySQL: on such a server Hibernate gets its MariaDB dialect. An operator's own
 * {@code spring.jpa.properties.hibernate.dialect} wins.
 */
@Component
class DialectForTheServer implements HibernatePropertiesCustomizer {

  private static final Logger log = LoggerFactory.getLogger(DialectForTheServer.class);
  /** The version after the "5.5.5-" that old clients are shown. */
  private static final Pattern MARIADB_VERSION = Pattern.compile("(?:^5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

  private final DataSource dataSource;

  DialectForTheServer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void customize(Map<String, Object> properties) {
    if (properties.containsKey("hibernate.dialect")) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData server = connection.getMetaData();
      DatabaseVersion mariaDb = mariaDbVersion(server.getDatabaseProductName(), server.getDatabaseProductVersion());
      if (mariaDb != null) {
        // an instance with the version: from the metadata Hibernate would read "5.5.5"
        properties.put("hibernate.dialect", new MariaDBDialect(mariaDb));
        log.info("MariaDB {} through Connector/J: Hibernate's MariaDB dialect", mariaDb);
      }
    } catch (SQLException e) {
      // the start fails on the database soon enough, with DatabaseStartupFailureAnalyzer's message
      log.debug("Could not ask the database which it is", e);
    }
  }

  /** "5.5.5-10.11.19-MariaDB-0+deb12u1" is MariaDB 10.11.19; null for a MySQL server. */
  static DatabaseVersion mariaDbVersion(String product, String version) {
    if (!"MySQL".equalsIgnoreCase(product) || version == null || !version.contains("MariaDB")) {
      return null;
    }
    Matcher numbers = MARIADB_VERSION.matcher(version);
    return numbers.find() ? DatabaseVersion.make(Integer.parseInt(numbers.group(1)), Integer.parseInt(numbers.group(2)),
        Integer.parseInt(numbers.group(3))) : null;
  }
}
