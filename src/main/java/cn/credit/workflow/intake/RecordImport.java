package cn.credit.workflow.intake;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.record.PenaltyType;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldErrors;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.text.Text;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's batch of records from its own system (.xlsx or .csv, a header row then one record
 * a row): every row checked as one registered by hand, a report by row and column in the reader's
 * language. Idempotent by department and document number: a row whose number the department has
 * registered is left as it is, so a file sent again changes nothing. The department chooses, and
 * sees in a dry run first, whether the good rows are kept when others are bad or nothing is.
 */
@Service
public class RecordImport {

  private static final Logger log = LoggerFactory.getLogger(RecordImport.class);
  /** Rows written between two flushes that empty the persistence context: memory stays flat in a large batch. */
  private static final int FLUSH_EVERY = 200;
  private static final List<Locale> HEADER_LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

  /** The columns, by the form's field; their headers are {@code record.import.column.<field>} in either language. */
  enum Column {
    decisionNumber, uscc, type, penaltyTypes, title, content, decisionDate, termEndDate, amount, legalBasis,
    severity, classificationReason, publicationNecessary, publicationReason, neverRepairable;

    static final Set<Column> REQUIRED = Set.of(decisionNumber, uscc, type, title, decisionDate);
  }

  public enum Mode {
    /** every good row kept, or none when a row is bad */
    ALL_OR_NOTHING,
    /** the good rows kept, the bad ones reported */
    GOOD_ROWS
  }

  /** What is wrong in one cell, or in a row as a whole (column ""), worded in the reader's language. */
  public record RowProblem(int row, String column, String message) {}

  /**
   * What a batch did, or would do in a dry run: rows read, good new rows, rows already registered
   * (unchanged), rows stored now, and every problem.
   */
  public record Report(String file, Mode mode, boolean committed, int rows, int good, int alreadyRegistered,
      int stored, List<RowProblem> problems) {}

  private final RecordIntake intake;
  private final RecordService records;
  private final MessageSource messages;
  private final EntityManager entityManager;
  private final Map<String, Column> headers = new HashMap<>();
  private final Map<String, RecordType> types = new HashMap<>();
  private final Map<String, PenaltyType> penalties = new HashMap<>();
  private final Map<String, Severity> severities = new HashMap<>();

  RecordImport(RecordIntake intake, RecordService records, MessageSource messages, EntityManager entityManager) {
    this.intake = intake;
    this.records = records;
    this.messages = messages;
    this.entityManager = entityManager;
    // a header or a choice is the field's name or its label in either language, as the bundles word it
    for (Column column : Column.values()) {
      names(headers, column, column.name(), "record.import.column." + column.name());
    }
    Arrays.stream(RecordType.values()).forEach(t -> names(types, t, t.name(), "recordType." + t.name()));
    Arrays.stream(PenaltyType.values()).forEach(p -> names(penalties, p, p.name(), "penalty." + p.name()));
    Arrays.stream(Severity.values()).forEach(s -> names(severities, s, s.name(), "severity." + s.name()));
  }

  private <T> void names(Map<String, T> into, T value, String name, String key) {
    into.put(normal(name), value);
    for (Locale language : HEADER_LANGUAGES) {
      into.put(normal(messages.getMessage(key, null, language)), value);
    }
  }

  /**
   * Reads the batch, checks every row and, when {@code commit} and the mode allow, registers the good
   * new rows in one transaction. A dry run ({@code commit} false) stores nothing.
   */
  /** Told how far a batch is: rows read and checked so far, rows written so far. */
  public interface Progress {
    Progress NONE = (read, written) -> {};

    void at(int rowsRead, int rowsWritten);
  }

  @Transactional
  public Report run(String fileName, InputStream content, Mode mode, boolean commit, String username) {
    return run(fileName, content, mode, commit, username, Progress.NONE);
  }

  /** As {@link #run(String, InputStream, Mode, boolean, String)}, telling {@code progress} after each row. */
  @Transactional
  public Report run(String fileName, InputStream content, Mode mode, boolean commit, String username,
      Progress progress) {
    Department department = intake.departmentOf(username);
    SheetRows reader = readerFor(fileName);
    Batch batch = new Batch(department, intake.lookups(), progress);
    try {
      reader.read(content, batch::row);
    } catch (IOException | SheetRows.UnreadableSheet e) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of("record.import.unreadable"),
          List.of(FieldProblem.of("file", "record.import.unreadable")));
    }
    if (batch.columns == null) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of("record.import.empty"),
          List.of(FieldProblem.of("file", "record.import.empty")));
    }
    // the department's numbers registered already: those rows stay as they are
    Set<String> registered = new HashSet<>();
    List<String> numbers = new ArrayList<>(batch.good.keySet());
    for (int i = 0; i < numbers.size(); i += 500) {
      registered.addAll(records.registeredNumbers(department.getCode(), numbers.subList(i, Math.min(i + 500,
          numbers.size()))));
    }
    List<RecordIntake.Checked> fresh = batch.good.entrySet().stream().filter(e -> !registered.contains(e.getKey()))
        .map(Map.Entry::getValue).toList();
    boolean store = commit && (mode == Mode.GOOD_ROWS || batch.problems.isEmpty());
    int stored = 0;
    if (store) {
      String number = null;
      try {
        for (RecordIntake.Checked row : fresh) {
          number = row.facts().decisionNumber();
          records.register(row.facts(), row.details(), username);
          if (++stored % FLUSH_EVERY == 0) {
            entityManager.flush();
            entityManager.clear();
          }
          progress.at(batch.rows, stored);
        }
        entityManager.flush(); // the unique index answers here, not at commit
      } catch (PersistenceException | DataIntegrityViolationException e) {
        if (NumberTakenMeanwhile.isCause(e)) {
          // registered by another request since the look above: nothing of this batch is kept, a new try skips it
          throw NumberTakenMeanwhile.batchConflict(number);
        }
        throw e;
      }
      log.info("Batch {} of {} by {}: {} rows stored, {} registered already, {} rows with problems", fileName,
          department.getCode(), username, stored, registered.size(), batch.badRows);
    }
    return new Report(fileName, mode, store, batch.rows, fresh.size(), registered.size(), stored, batch.problems);
  }

  /** Refuses a file that is neither .xlsx nor .csv by its name, before anything reads it. */
  static void checkFileType(String fileName) {
    readerFor(fileName);
  }

  private static SheetRows readerFor(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return new XlsxRows();
    }
    if (name.endsWith(".csv")) {
      return new CsvRows();
    }
    throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of("record.import.fileType"),
        List.of(FieldProblem.of("file", "record.import.fileType")));
  }

  /** One batch as it is read: the header, then each row checked; good rows by document number. */
  private final class Batch {

    final Department department;
    final RecordIntake.Lookups lookups;
    final Locale locale = LocaleContextHolder.getLocale();
    final Map<String, RecordIntake.Checked> good = new LinkedHashMap<>();
    final Map<String, Integer> numberRows = new HashMap<>();
    final List<RowProblem> problems = new ArrayList<>();
    Map<Column, Integer> columns;
    List<String> headerCells;
    int rows;
    int badRows;

    final Progress progress;

    Batch(Department department, RecordIntake.Lookups lookups, Progress progress) {
      this.department = department;
      this.progress = progress;
      // within a batch each entity and each combination of type and penalties is looked up once
      Map<String, MarketEntity> entities = new HashMap<>();
      Map<String, Severity> classes = new HashMap<>();
      this.lookups = new RecordIntake.Lookups(code -> {
        if (!entities.containsKey(code)) {
          entities.put(code, lookups.entity().apply(code));
        }
        return entities.get(code);
      }, (type, kinds) -> classes.computeIfAbsent(type + "" + kinds, k -> lookups.severity().apply(type, kinds)));
    }

    void row(int number, List<String> cells) {
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        return;
      }
      if (columns == null) {
        header(number, cells);
        return;
      }
      if (columns.isEmpty()) {
        return; // the header lacked required columns: reported once
      }
      rows++;
      List<FieldProblem> found = new ArrayList<>();
      RecordIntake.RecordForm form = form(cells, found);
      RecordIntake.Checked checked = found.isEmpty() ? intake.check(form, department, found, lookups) : null;
      if (checked != null) {
        Integer first = numberRows.putIfAbsent(checked.facts().decisionNumber(), number);
        if (first != null) {
          // the first row with the number stands; a second is a slip in the file
          found.add(FieldProblem.of("decisionNumber", "record.import.numberTwice", first));
          checked = null;
        }
      }
      if (checked != null) {
        good.put(checked.facts().decisionNumber(), checked);
      } else {
        badRows++;
        for (FieldProblem problem : found) {
          problems.add(new RowProblem(number, headerOf(problem.field()), FieldErrors.text(problem, messages, locale)));
        }
      }
      progress.at(rows, 0);
    }

    private void header(int number, List<String> cells) {
      columns = new EnumMap<>(Column.class);
      headerCells = cells;
      for (int i = 0; i < cells.size(); i++) {
        Column column = headers.get(normal(cells.get(i)));
        if (column != null) {
          columns.putIfAbsent(column, i);
        }
      }
      List<String> missing = Column.REQUIRED.stream().filter(c -> !columns.containsKey(c))
          .map(c -> messages.getMessage("record.import.column." + c.name(), null, locale)).sorted().toList();
      if (!missing.isEmpty()) {
        problems.add(new RowProblem(number, "", messages.getMessage("record.import.columnsMissing",
            new Object[] {String.join("、", missing)}, locale)));
        columns.clear();
      }
    }

    private String cell(List<String> cells, Column column) {
      Integer at = columns.get(column);
      if (at == null || at >= cells.size() || cells.get(at) == null) {
        return null;
      }
      String value = cells.get(at).strip();
      return value.isEmpty() ? null : value;
    }

    private RecordIntake.RecordForm form(List<String> cells, List<FieldProblem> found) {
      String type = choice(cells, Column.type, types, found);
      String severity = choice(cells, Column.severity, severities, found);
      List<String> kinds = new ArrayList<>();
      String penaltyCell = cell(cells, Column.penaltyTypes);
      if (penaltyCell != null) {
        for (String one : penaltyCell.split("[,;，；、\\s]+")) {
          PenaltyType penalty = penalties.get(normal(one));
          if (penalty == null && !one.isBlank()) {
            found.add(FieldProblem.of("penaltyTypes", "record.import.notOneOf", one));
          } else if (penalty != null) {
            kinds.add(penalty.name());
          }
        }
      }
      return new RecordIntake.RecordForm(cell(cells, Column.decisionNumber), cell(cells, Column.uscc), type, kinds,
          cell(cells, Column.title), cell(cells, Column.content), date(cells, Column.decisionDate, found),
          date(cells, Column.termEndDate, found), amount(cells, found), cell(cells, Column.legalBasis), severity,
          cell(cells, Column.classificationReason), yes(cells, Column.publicationNecessary, found),
          cell(cells, Column.publicationReason), yes(cells, Column.neverRepairable, found));
    }

    private <T extends Enum<T>> String choice(List<String> cells, Column column, Map<String, T> names,
        List<FieldProblem> found) {
      String value = cell(cells, column);
      if (value == null) {
        return null;
      }
      T chosen = names.get(normal(value));
      if (chosen == null) {
        found.add(FieldProblem.of(column.name(), "record.import.notOneOf", value));
        return null;
      }
      return chosen.name();
    }

    private LocalDate date(List<String> cells, Column column, List<FieldProblem> found) {
      String value = cell(cells, column);
      if (value == null) {
        return null;
      }
      for (DateTimeFormatter format : DATES) {
        try {
          return LocalDate.parse(value, format);
        } catch (DateTimeParseException next) {
          // the next way of writing a date
        }
      }
      found.add(FieldProblem.of(column.name(), "field.date"));
      return null;
    }

    private BigDecimal amount(List<String> cells, List<FieldProblem> found) {
      String value = cell(cells, Column.amount);
      if (value == null) {
        return null;
      }
      try {
        return new BigDecimal(value.replace(",", "").replace("，", ""));
      } catch (NumberFormatException e) {
        found.add(FieldProblem.of(Column.amount.name(), "record.amount.invalid"));
        return null;
      }
    }

    private boolean yes(List<String> cells, Column column, List<FieldProblem> found) {
      String value = cell(cells, column);
      if (value == null) {
        return false;
      }
      Boolean answer = YES_NO.get(normal(value));
      if (answer == null) {
        found.add(FieldProblem.of(column.name(), "record.import.yesNo", value));
        return false;
      }
      return answer;
    }

    /** The column's header as the file writes it, for "penaltyTypes[1]" too; "" for a row as a whole. */
    private String headerOf(String field) {
      String name = field.replaceAll("\\[\\d+]$", "");
      return Arrays.stream(Column.values()).filter(c -> c.name().equals(name)).findFirst()
          .map(c -> columns.containsKey(c) ? headerCells.get(columns.get(c)).strip() : c.name()).orElse(field);
    }
  }

  private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
      DateTimeFormatter.ofPattern("yyyy年M月d日"));

  private static final Map<String, Boolean> YES_NO = Map.of("是", true, "否", false, "y", true, "n", false,
      "yes", true, "no", false, "true", true, "false", false, "1", true, "0", false);

  private static String normal(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }

  /** The report's rows by number for a page: problems grouped under their row. */
  public static Map<Integer, List<RowProblem>> byRow(Report report) {
    Map<Integer, List<RowProblem>> rows = new LinkedHashMap<>();
    report.problems().forEach(p -> rows.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(p));
    return rows;
  }
}
