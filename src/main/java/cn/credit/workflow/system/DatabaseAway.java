package cn.credit.workflow.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached, whoever wrapped it (Spring, Hibernate, the
 * engine). Also a connection the pool closed under the request: Hikari closes a connection that
 * reported the server gone (an SQL state 08…) and answers every later call on it, such as the
 * transaction's rollback, with "Connection is closed" and no SQL state; the rollback's failure then
 * replaces the original one. The server rolls back what the lost connection had begun.
 */
public final class DatabaseAway {

  /** What a client is told to wait: about the time a database server takes to restart. */
  public static final int RETRY_AFTER_SECONDS = 30;
  /** HikariCP's words for a call on a connection it closed (its ProxyConnection.ClosedConnection). */
  private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

  private DatabaseAway() {}

  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
              || sql.getSQLState() == null && POOL_CLOSED_CONNECTION.equals(sql.getMessage()))) {
        return true;
      }
    }
    return false;
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
