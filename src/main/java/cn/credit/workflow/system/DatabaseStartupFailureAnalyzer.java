package cn.credit.workflow.system;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "cannot reach or log in to the database" at start-up into one message that says which
 * setting to fix, instead of a page of stack traces from the pool, Flyway and the engine.
 */
class DatabaseStartupFailureAnalyzer implements FailureAnalyzer {

  private static final String SETTINGS =
      "With the mysql profile set DB_URL, DB_USER and DB_PASSWORD (spring.datasource.url, .username, .password otherwise).";

  private final Environment environment;

  DatabaseStartupFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    // pools and Flyway wrap the driver's exception, sometimes in SQLExceptions of their own: the
    // deepest one the analyzer recognises says most precisely what is wrong
    FailureAnalysis found = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        FailureAnalysis analysis = analyze(sql);
        found = analysis != null ? analysis : found;
      }
    }
    return found;
  }

  private FailureAnalysis analyze(SQLException cause) {
    String url = environment.getProperty("spring.datasource.url", "(no spring.datasource.url)");
    String user = environment.getProperty("spring.datasource.username", "");
    String state = cause.getSQLState() == null ? "" : cause.getSQLState();
    int code = cause.getErrorCode();
    String problem;
    String action;
    if (state.startsWith("28") || code == 1045) {
      problem = "The database at " + url + " refused the user '" + user + "': wrong user name or password.";
      action = "Fix the database user and password. " + SETTINGS;
    } else if (code == 1049 || code == 1044) {
      problem = "The database server at " + url + " has no database of that name, or '" + user + "' may not use it.";
      action = "Create the database (CHARACTER SET utf8mb4) and grant the user rights on it, or fix the name in the URL. "
          + SETTINGS;
    } else if (code == 90020) {
      problem = "The embedded H2 database file of " + url + " is in use by another process.";
      action = "Stop the other running instance of the application, or point spring.datasource.url at another file.";
    } else if (state.startsWith("08")) {
      problem = "Cannot reach the database at " + url + ": " + cause.getMessage();
      action = "Check that the database server is running and that host and port in the URL are right. " + SETTINGS;
    } else {
      return null;
    }
    return new FailureAnalysis(problem, action, cause);
  }
}
