package cn.credit.workflow.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic end of publication (令 36 art. 13: a record stops being published at its maximum
 * period): once a day across all nodes, every record whose period ended by today becomes EXPIRED.
 * The node whose update of {@code daily_run} moves the date to today does the day's run, in the same
 * transaction, so two nodes never both do it and a run that fails is done again at the next try.
 * Tried every hour (and at start, to catch up after downtime): the first try of a day does the work.
 */
@Component
public class PublicationEnd {

  private static final Logger log = LoggerFactory.getLogger(PublicationEnd.class);
  static final String RUN = "publication-end";

  private final JdbcTemplate jdbc;
  private final RecordService records;
  private final Clock clock;

  PublicationEnd(JdbcTemplate jdbc, RecordService records, Clock clock) {
    this.jdbc = jdbc;
    this.records = records;
    this.clock = clock;
  }

  @Scheduled(cron = "${credit.publication-end.cron}", zone = "${credit.zone}")
  void hourly() {
    runToday();
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    runToday();
  }

  /** Today's run, if no node did it yet: how many records stopped; empty when it was done already. */
  @Transactional
  public OptionalInt runToday() {
    LocalDate today = LocalDate.now(clock);
    int claimed = jdbc.update("update daily_run set last_run_date = ? where name = ? and last_run_date < ?",
        today, RUN, today);
    if (claimed == 0) {
      return OptionalInt.empty();
    }
    int expired = records.expireRecordsDueBy(today);
    if (expired > 0) {
      log.info("Publication ended for {} records whose maximum period ended by {}", expired, today);
    }
    return OptionalInt.of(expired);
  }
}
