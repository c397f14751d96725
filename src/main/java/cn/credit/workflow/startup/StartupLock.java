package cn.credit.workflow.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The start-up lock of all nodes sharing the database. A node takes it before its engine looks at
 * the schema ({@link StartupLockFirst}) and lets go when its start-up work is done ({@link StartupWork})
 * or its start failed: nodes started at the same moment create the engine's tables and seed their
 * rows one after the other. MySQL and MariaDB: the named lock {@code GET_LOCK}, which needs no table
 * and is let go when the connection ends, so a node that dies holding it holds nothing. Elsewhere (H2):
 * a row of {@code app_lock} locked with SELECT … FOR UPDATE.
 */
@Component
class StartupLock implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
  private static final String NAME = "credit_workflow_startup";

  private final DataSource dataSource;
  private final Duration wait;
  private Connection held;

  StartupLock(DataSource dataSource, @Value("${credit.startup.lock-wait:PT10M}") Duration wait) {
    this.dataSource = dataSource;
    this.wait = wait;
  }

  @Override
  public void afterPropertiesSet() throws Exception {
    long started = System.nanoTime();
    Connection connection = dataSource.getConnection();
    try {
      if (connection.getMetaData().getDatabaseProductName().toLowerCase().matches("mysql|mariadb")) {
        namedLock(connection);
      } else {
        rowLock(connection);
      }
    } catch (Exception e) {
      connection.close();
      throw e;
    }
    held = connection;
    long waited = (System.nanoTime() - started) / 1_000_000;
    if (waited > 1000) {
      log.info("Start-up lock taken after {} ms: another node was starting", waited);
    }
  }

  private void namedLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select get_lock(?, ?)")) {
      lock.setString(1, nameFor(connection));
      lock.setLong(2, Math.max(1, wait.toSeconds()));
      try (ResultSet result = lock.executeQuery()) {
        if (!result.next() || result.getInt(1) != 1) {
          throw new IllegalStateException("another node held the start-up lock for longer than " + wait
              + " (credit.startup.lock-wait)");
        }
      }
    }
  }

  private void rowLock(Connection connection) throws SQLException, InterruptedException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("create table if not exists app_lock (name varchar(64) not null primary key)");
    }
    connection.setAutoCommit(false);
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try {
        if (!lockRow(connection)) {
          try (Statement insert = connection.createStatement()) {
            insert.execute("insert into app_lock (name) values ('startup')");
          }
          connection.commit();
          continue;
        }
        return;
      } catch (SQLException busy) {
        connection.rollback();
        // a lock wait that timed out, or the other node inserted the row first: ask again
        if (!(isLockTimeout(busy) || "23505".equals(busy.getSQLState())) || System.nanoTime() > deadline) {
          throw busy;
        }
        Thread.sleep(200);
      }
    }
  }

  private static boolean lockRow(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "select name from app_lock where name = 'startup' for update"); ResultSet row = lock.executeQuery()) {
      return row.next();
    }
  }

  /** Named locks are the server's: one per database, so that a staging database beside this one starts on its own. */
  private static String nameFor(Connection connection) throws SQLException {
    return NAME + "." + connection.getCatalog();
  }

  /** A lock wait that timed out (H2's HYT00, or a driver's transient exception): ask again. */
  private static boolean isLockTimeout(SQLException e) {
    return e instanceof SQLTransientException || "HYT00".equals(e.getSQLState());
  }

  /** Lets go of the lock; once only. */
  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      if (connection.getAutoCommit()) {
        try (PreparedStatement unlock = connection.prepareStatement("select release_lock(?)")) {
          unlock.setString(1, nameFor(connection));
          unlock.executeQuery().close();
        }
      } else {
        connection.rollback(); // the row lock; the lock wrote nothing
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      log.warn("Could not let go of the start-up lock; the database does when the connection ends", e);
    } finally {
      held = null;
    }
  }

  /** A start that failed lets go too. */
  @Override
  public void destroy() {
    release();
  }
}
