package cn.credit.workflow.system;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.DatabaseVersion;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * MariaDB through MySQL Connector/J calls itself "MySQL 5.5.5-10.11…-MariaDB", and Hibernate would
 * take it for an old MySQL (and warn that 5.5.5 is too old): on such a server Hibernate gets its
 * MariaDB dialect with the real version, through a dialect resolver ({@link MariaDbDialectResolver})
 * rather than a fixed {@code hibernate.dialect}, which Hibernate would warn is not needed. An
 * operator's own {@code spring.jpa.properties.hibernate.dialect} wins.
 */
@Component
class DialectForTheServer implements HibernatePropertiesCustomizer {

  /** The version after the "5.5.5-" that old clients are shown. */
  private static final Pattern MARIADB_VERSION = Pattern.compile("(?:^5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

  @Override
  public void customize(Map<String, Object> properties) {
    if (!properties.containsKey(AvailableSettings.DIALECT)) {
      properties.putIfAbsent(AvailableSettings.DIALECT_RESOLVERS, MariaDbDialectResolver.class.getName());
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
