package cn.credit.workflow.system;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hibernate's MariaDB dialect, with the server's real version, for a MariaDB server reached through
 * MySQL Connector/J; for any other server Hibernate's own resolvers decide. Named to Hibernate by
 * {@link DialectForTheServer}; Hibernate makes it by its public constructor.
 */
public class MariaDbDialectResolver implements DialectResolver {

  private static final Logger log = LoggerFactory.getLogger(MariaDbDialectResolver.class);

  @Override
  public Dialect resolveDialect(DialectResolutionInfo info) {
    DatabaseVersion mariaDb = DialectForTheServer.mariaDbVersion(info.getDatabaseName(), info.getDatabaseVersion());
    if (mariaDb == null) {
      return null;
    }
    log.info("MariaDB {} through Connector/J: Hibernate's MariaDB dialect", mariaDb);
    return new MariaDBDialect(mariaDb);
  }
}
