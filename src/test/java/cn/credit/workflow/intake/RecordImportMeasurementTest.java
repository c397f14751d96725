package cn.credit.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.MarketEntity;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Importing a generated 10,000-row .xlsx: how long the dry run and the commit take and how much heap
 * they use, printed, not asserted (the machine decides). The records go to an entity of their own.
 */
@RunningAppTest
class RecordImportMeasurementTest {

  static final int ROWS = 10_000;

  @Autowired RecordImport imports;
  @Autowired Entities entities;
  @Autowired ImportJobs jobs;

  @Test
  void tenThousandRows() throws Exception {
    String code = TestCodes.fresh();
    entities.save(new MarketEntity(code, "测量用建材有限公司", EntityKind.ENTERPRISE, "测量", null, null, Instant.now()));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String tag = String.valueOf(System.nanoTime() % 100_000_000);
    List<List<Object>> rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      rows.add(TestSheets.row("济住建罚〔" + tag + "〕" + i + "号", code, "行政处罚", i % 3 == 0 ? "罚款（数额较大）" : "警告、没收违法所得或非法财物",
          "违法建设 " + i, today.minusDays(1 + i % 300), String.valueOf(1000 + i)));
    }
    byte[] file = TestSheets.xlsx(rows);

    Measured dryRun = measure(() -> imports.run("batch.xlsx", new ByteArrayInputStream(file),
        RecordImport.Mode.ALL_OR_NOTHING, false, "reviewer.housing"));
    Measured commit = measure(() -> imports.run("batch.xlsx", new ByteArrayInputStream(file),
        RecordImport.Mode.ALL_OR_NOTHING, true, "reviewer.housing"));
    Measured again = measure(() -> imports.run("batch.xlsx", new ByteArrayInputStream(file),
        RecordImport.Mode.ALL_OR_NOTHING, true, "reviewer.housing"));
    assertThat(commit.report.stored()).isEqualTo(ROWS);
    assertThat(again.report.stored()).isZero();
    System.out.printf("Record import: %,d rows, .xlsx of %,d bytes%n", ROWS, file.length);
    for (var m : List.of(List.of("dry run", dryRun), List.of("commit", commit), List.of("sent again", again))) {
      Measured one = (Measured) m.get(1);
      System.out.printf("Record import: %-10s %,6d ms, peak heap %,d MB (%,d MB before), stored %,d, registered already %,d%n",
          m.get(0), one.millis, one.peakMb, one.beforeMb, one.report.stored(), one.report.alreadyRegistered());
    }

    // the page's way: a job in the background whose progress is read while it runs, as the page's script does
    byte[] second = TestSheets.xlsx(rows.stream().map(r -> {
      List<Object> copy = new ArrayList<>(r);
      copy.set(0, r.get(0).toString().replace("〔" + tag, "〔" + tag + "J"));
      return copy;
    }).toList());
    Set<Integer> readSeen = new TreeSet<>();
    Set<Integer> writtenSeen = new TreeSet<>();
    String[] id = new String[1];
    Measured checked = measure(() -> {
      id[0] = jobs.start("batch.xlsx", second, RecordImport.Mode.ALL_OR_NOTHING, "reviewer.housing");
      return awaitJob(id[0], ImportJobs.State.CHECKED, job -> readSeen.add(job.rowsRead()));
    });
    Measured stored = measure(() -> {
      assertThat(jobs.commit(id[0], "reviewer.housing")).isTrue();
      assertThat(jobs.commit(id[0], "reviewer.housing")).as("taken once").isFalse();
      return awaitJob(id[0], ImportJobs.State.DONE, job -> writtenSeen.add(job.rowsWritten()));
    });
    assertThat(stored.report.stored()).isEqualTo(ROWS);
    for (var m : List.of(List.of("job check", checked, readSeen), List.of("job commit", stored, writtenSeen))) {
      Measured one = (Measured) m.get(1);
      System.out.printf("Record import: %-10s %,6d ms, peak heap %,d MB (%,d MB before), stored %,d; progress seen %s%n",
          m.get(0), one.millis, one.peakMb, one.beforeMb, one.report.stored(), m.get(2));
    }
    assertThat(readSeen.stream().anyMatch(n -> n > 0 && n < ROWS) || writtenSeen.stream().anyMatch(n -> n > 0 && n < ROWS))
        .as("the progress moved while the job ran: read %s, written %s", readSeen, writtenSeen).isTrue();
  }

  /** Reads the job every 50 ms, as the page's script does every second, until it reaches {@code state}. */
  private RecordImport.Report awaitJob(String id, ImportJobs.State state, Consumer<ImportJobs.Job> seen) {
    return await("the job reaching " + state).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> {
          ImportJobs.Job job = jobs.find(id, "reviewer.housing").orElseThrow();
          seen.accept(job);
          assertThat(job.state()).as(job.message()).isNotEqualTo(ImportJobs.State.FAILED);
          return job;
        }, job -> job.state() == state).report();
  }

  record Measured(RecordImport.Report report, long millis, long peakMb, long beforeMb) {}

  interface Run {
    RecordImport.Report run() throws Exception;
  }

  private static Measured measure(Run run) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    long start = System.nanoTime();
    RecordImport.Report report = run.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Measured(report, millis, peak >> 20, before >> 20);
  }
}
