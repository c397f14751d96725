package cn.credit.workflow.system;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own, never the shared one: its own data directory under the build's
 * {@code target/}, its own socket and a free port, started and stopped at will; closing it stops the
 * server and removes the data directory.
 */
final class PrivateMariaDb implements AutoCloseable {

  private final Path dir;
  private final int port;
  private Process server;

  /** Initialises a fresh data directory (mariadb-install-db) under target/private-mariadb/{name}-…. */
  PrivateMariaDb(String name) throws Exception {
    this.dir = Files.createDirectories(Path.of("target", "private-mariadb")).toAbsolutePath()
        .resolve(name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000);
    Files.createDirectories(dir);
    try (ServerSocket free = new ServerSocket(0)) {
      this.port = free.getLocalPort();
    }
    Process install = new ProcessBuilder(find("mariadb-install-db").orElseThrow().toString(), "--no-defaults",
        "--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
        "--auth-root-authentication-method=normal", "--skip-test-db")
        .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
    if (!install.waitFor(2, TimeUnit.MINUTES) || install.exitValue() != 0) {
      throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
    }
  }

  /** Whether this machine can run one: CI has both programs; elsewhere the tests that need one skip. */
  static boolean installed() {
    return find("mariadbd").isPresent() && find("mariadb-install-db").isPresent();
  }

  String url(String databaseAndParameters) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + databaseAndParameters;
  }

  void start() throws Exception {
    server = new ProcessBuilder(find("mariadbd").orElseThrow().toString(), "--no-defaults",
        "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
        "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"), "--user=" + System.getProperty("user.name"),
        "--skip-name-resolve", "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
        .start();
    await("the test's MariaDB accepting connections").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200)).until(() -> {
          if (!server.isAlive()) {
            throw new IllegalStateException("the test's MariaDB did not start: "
                + Files.readString(dir.resolve("server.log")));
          }
          try (Connection c = DriverManager.getConnection(url("?connectTimeout=1000"), "root", "")) {
            return true;
          } catch (SQLException notYet) {
            return false;
          }
        });
  }

  /** Stops the server as a restart would (SIGTERM), and waits until it is gone. */
  void stop() throws Exception {
    server.destroy();
    if (!server.waitFor(60, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws Exception {
    if (server != null && server.isAlive()) {
      stop();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(PrivateMariaDb::delete);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the build's clean removes what is left
    }
  }

  private static Optional<Path> find(String program) {
    String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
    return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
        .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
  }
}
