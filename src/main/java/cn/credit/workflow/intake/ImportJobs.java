package cn.credit.workflow.intake;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldErrors;
import cn.credit.workflow.system.FieldProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A department's batch checked and stored in the background, so that the page can show how far it
 * is: the file and the progress are in the database (table record_import_job), so a reload, or the
 * next request on another node, finds the job where it is. The commit is taken once (a conditional
 * update from CHECKED), and runs {@link RecordImport} as before: one transaction, all or nothing when
 * chosen, a registered document number left as it is. Only the importing department sees a job.
 */
@Service
public class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  public enum State {
    /** the dry run is reading the file */
    CHECKING,
    /** the dry run's report is there; the department may store the good rows */
    CHECKED,
    /** storing */
    COMMITTING,
    /** stored, or nothing stored when all or nothing met a bad row: the report says which */
    DONE,
    /** the file could not be read, or storing was refused: the message says why */
    FAILED,
    /** checked but not stored within keep-files (or cut off and left): the file is gone, a new import starts again */
    EXPIRED;

    boolean running() {
      return this == CHECKING || this == COMMITTING;
    }
  }

  /** One job as the department's pages show it. */
  public record Job(String id, String department, String username, String fileName, RecordImport.Mode mode,
      State state, int rowsRead, int rowsWritten, Integer totalRows, RecordImport.Report report, String message,
      Instant createdAt, Instant updatedAt, boolean interrupted) {

    public boolean running() {
      return state.running() && !interrupted;
    }

    /** The good rows the commit writes, as the check counted them, when known. */
    public Integer toWrite() {
      return state == State.COMMITTING && report != null ? Integer.valueOf(report.good()) : null;
    }
  }

  private final RecordImport imports;
  private final RecordIntake intake;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ObjectMapper json;
  private final MessageSource messages;
  private final Clock clock;
  private final Duration progressEvery;
  private final Duration staleAfter;
  private final Duration keepFiles;
  private final DataSize maxFileSize;
  private final ExecutorService workers;

  ImportJobs(RecordImport imports, RecordIntake intake, JdbcTemplate jdbc, PlatformTransactionManager transactions,
      ObjectMapper json, MessageSource messages, Clock clock,
      @Value("${credit.import.progress-every}") Duration progressEvery,
      @Value("${credit.import.stale-after}") Duration staleAfter,
      @Value("${credit.import.keep-files}") Duration keepFiles,
      @Value("${credit.import.max-file-size}") DataSize maxFileSize,
      @Value("${credit.import.workers}") int workers) {
    this.imports = imports;
    this.intake = intake;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.json = json;
    this.messages = messages;
    this.clock = clock;
    this.progressEvery = progressEvery;
    this.staleAfter = staleAfter;
    this.keepFiles = keepFiles;
    this.maxFileSize = maxFileSize;
    AtomicInteger count = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workers, run -> {
      Thread thread = new Thread(run, "record-import-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow(); // a job cut off here shows as interrupted after staleAfter; sent again it changes nothing twice
  }

  /** Keeps the file and starts its dry run; the job's id. The file's kind and the person's department are checked first. */
  public String start(String fileName, byte[] content, RecordImport.Mode mode, String username) {
    Department department = intake.departmentOf(username);
    RecordImport.checkFileType(fileName);
    if (content.length > maxFileSize.toBytes()) {
      // kept in the database until stored: MariaDB's default max_allowed_packet is 16 MB
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("file", "record.import.tooLarge", maxFileSize.toMegabytes())),
          "record.import.tooLarge", maxFileSize.toMegabytes());
    }
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(clock.instant());
    // files not stored in time are not kept: they may be large, and the department sends them again
    jdbc.update("update record_import_job set state = ?, content = null, updated_at = ? where state in (?, ?, ?)"
        + " and updated_at < ?", State.EXPIRED.name(), now, State.CHECKED.name(), State.CHECKING.name(),
        State.COMMITTING.name(), Timestamp.from(clock.instant().minus(keepFiles)));
    jdbc.update("insert into record_import_job (id, department_code, username, file_name, mode, language, state,"
        + " content, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, department.getCode(), username,
        fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName, mode.name(),
        LocaleContextHolder.getLocale().toLanguageTag(), State.CHECKING.name(), content, now, now);
    workers.submit(() -> work(id, false));
    return id;
  }

  /**
   * Stores the checked file's good rows, once: a second click, a reload that posts again or another
   * node finds the job taken and starts nothing. False when the job was not waiting for its commit.
   */
  public boolean commit(String id, String username) {
    Job job = find(id, username).orElseThrow(() -> ApiProblem.notFound("record.import.none", id));
    int taken = jdbc.update("update record_import_job set state = ?, rows_read = 0, rows_written = 0, updated_at = ?"
        + " where id = ? and state = ?", State.COMMITTING.name(), Timestamp.from(clock.instant()), job.id(),
        State.CHECKED.name());
    if (taken == 1) {
      workers.submit(() -> work(id, true));
    }
    return taken == 1;
  }

  /** The job, if it is of the person's department; another's is as if there were none. */
  public Optional<Job> find(String id, String username) {
    Department department = intake.departmentOf(username);
    return jdbc.query(SELECT + " where id = ? and department_code = ?", this::job, id, department.getCode()).stream()
        .findFirst();
  }

  /** The department's latest jobs, newest first. */
  public List<Job> recent(String username) {
    Department department = intake.departmentOf(username);
    return jdbc.query(SELECT + " where department_code = ? order by created_at desc, id", this::job,
        department.getCode()).stream().limit(10).toList();
  }

  private static final String SELECT = "select id, department_code, username, file_name, mode, state, rows_read,"
      + " rows_written, total_rows, report, message, created_at, updated_at from record_import_job";

  private Job job(ResultSet row, int number) throws SQLException {
    State state = State.valueOf(row.getString("state"));
    Instant updated = row.getTimestamp("updated_at").toInstant();
    Integer total = row.getObject("total_rows") == null ? null : row.getInt("total_rows");
    return new Job(row.getString("id"), row.getString("department_code"), row.getString("username"),
        row.getString("file_name"), RecordImport.Mode.valueOf(row.getString("mode")), state, row.getInt("rows_read"),
        row.getInt("rows_written"), total, report(row.getString("report")), row.getString("message"),
        row.getTimestamp("created_at").toInstant(), updated,
        state.running() && updated.isBefore(clock.instant().minus(staleAfter)));
  }

  private RecordImport.Report report(String text) {
    try {
      return text == null ? null : json.readValue(text, RecordImport.Report.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an import report that does not read back", e);
    }
  }

  /** The dry run or the commit, in a worker thread, in the importer's language. */
  private void work(String id, boolean commit) {
    var stored = jdbc.queryForMap("select username, file_name, mode, language, content from record_import_job"
        + " where id = ?", id);
    Locale language = Locale.forLanguageTag((String) stored.get("language"));
    LocaleContextHolder.setLocale(language);
    String fileName = (String) stored.get("file_name");
    try {
      RecordImport.Report report = imports.run(fileName, new ByteArrayInputStream((byte[]) stored.get("content")),
          RecordImport.Mode.valueOf((String) stored.get("mode")), commit, (String) stored.get("username"),
          progress(id));
      // once stored, the file is not needed any more: a new import is a new job
      ownTransaction.executeWithoutResult(s -> jdbc.update("update record_import_job set state = ?, report = ?,"
          + " rows_read = ?, rows_written = ?, total_rows = ?, updated_at = ?" + (commit ? ", content = null" : "")
          + " where id = ?", (commit ? State.DONE : State.CHECKED).name(), text(report), report.rows(),
          report.stored(), report.rows(), Timestamp.from(clock.instant()), id));
    } catch (ApiProblem problem) {
      failed(id, FieldErrors.text(problem.detail(), messages, language));
    } catch (RuntimeException e) {
      log.error("Import job {} ({}) failed", id, fileName, e);
      failed(id, messages.getMessage("record.import.failed", null, language));
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  private void failed(String id, String message) {
    ownTransaction.executeWithoutResult(s -> jdbc.update("update record_import_job set state = ?, message = ?,"
        + " content = null, updated_at = ? where id = ?", State.FAILED.name(),
        message.length() > 1000 ? message.substring(0, 1000) : message, Timestamp.from(clock.instant()), id));
  }

  /** Writes how far the job is in a transaction of its own, so that every node sees it while the batch's is open. */
  private RecordImport.Progress progress(String id) {
    long every = progressEvery.toNanos();
    long[] last = {System.nanoTime()};
    return (read, written) -> {
      long now = System.nanoTime();
      if (now - last[0] >= every) {
        last[0] = now;
        ownTransaction.executeWithoutResult(s -> jdbc.update("update record_import_job set rows_read = ?,"
            + " rows_written = ?, updated_at = ? where id = ?", read, written, Timestamp.from(clock.instant()), id));
      }
    };
  }

  private String text(RecordImport.Report report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
