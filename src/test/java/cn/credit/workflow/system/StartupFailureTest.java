package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.credit.workflow.CreditWorkflowApplication;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong database setting stops the start with one message that says what to fix. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

  /**
   * Closing an engine unregisters its name JVM-wide, and closing the Camunda webapps clears their
   * JVM-wide state: this app has its own engine name and no webapps, so the shared test app keeps its own.
   */
  private static final String ENGINE = "startupFailure";

  @Test
  void anUnreachableDatabaseServerIsNamed(CapturedOutput output) {
    String url = "jdbc:mysql://127.0.0.1:1/credit?connectTimeout=2000";
    assertThatThrownBy(() -> start(url, "credit", "secret")).isInstanceOf(Exception.class);
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("Cannot reach the database at " + url)
        .contains("Check that the database server is running")
        .contains("DB_URL, DB_USER and DB_PASSWORD");
  }

  @Test
  void aWrongPasswordIsNamed(@TempDir Path dir, CapturedOutput output) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("credit").toAbsolutePath();
    DriverManager.getConnection(url, "sa", "right-password").close();
    assertThatThrownBy(() -> start(url, "sa", "wrong-password")).isInstanceOf(Exception.class);
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("refused the user 'sa': wrong user name or password")
        .contains("Fix the database user and password");
  }

  /** Runs in CI's MySQL pass, against the server the mysql profile points at. */
  @Test
  @Tag("database")
  @EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:mysql:.+")
  void aWrongPasswordForTheMySqlServerIsNamed(CapturedOutput output) {
    assertThatThrownBy(() -> start(System.getenv("DB_URL"), System.getenv("DB_USER"), "certainly-not-the-password"))
        .isInstanceOf(Exception.class);
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("refused the user '" + System.getenv("DB_USER") + "': wrong user name or password");
  }

  private static void start(String url, String user, String password) {
    new SpringApplicationBuilder(CreditWorkflowApplication.class)
        // command-line arguments: they outrank every properties file, as an operator's settings would
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password, "--credit.demo-data.enabled=false",
            "--camunda.bpm.process-engine-name=" + ENGINE,
            "--camunda.bpm.webapp.enabled=false")
        .close();
  }
}
