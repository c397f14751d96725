package cn.credit.workflow.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V10 moves the dates of records stored under the old counting by the day it was short: each row
 * below holds what the old counting gave and is checked against what {@link PublicationPeriods} gives now.
 */
class PeriodMigrationTest {

  @Test
  void v10MovesStoredDatesToTheDayAfterTheirPeriods() {
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:v10-" + System.nanoTime()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway to = Flyway.configure().dataSource(db).table("app_schema_history").locations("classpath:db/migration")
        .target("9").load();
    to.migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    jdbc.update("insert into department (code, name_zh, name_en, kind, sort_order) values ('d', '局', 'D', 'DECIDING', 99)");
    jdbc.update("insert into market_entity (uscc, name, kind, created_at) values ('91370100MA3C4K5N9Z', '某公司', "
        + "'ENTERPRISE', current_timestamp)");
    long entity = jdbc.queryForObject("select id from market_entity where uscc = '91370100MA3C4K5N9Z'", Long.class);
    // general, decided 2026-01-20, no term: old 2026-04-20 / 2027-01-20
    long general = insert(jdbc, entity, "GENERAL", "2026-01-20", null, "2026-04-20", "2027-01-20", "PUBLISHED");
    // minor, zero minimum, no term: old earliest = the decision date, which stays
    long minor = insert(jdbc, entity, "MINOR", "2026-03-10", null, "2026-03-10", "2026-06-10", "PUBLISHED");
    // minor with a term ending 2026-03-31: old earliest = the term end
    long minorTerm = insert(jdbc, entity, "MINOR", "2026-03-10", "2026-03-31", "2026-03-31", "2026-06-10",
        "PUBLISHED");
    // general, expired under the old counting on 2026-01-05: it keeps the day it really ended
    long expired = insert(jdbc, entity, "GENERAL", "2025-01-05", null, "2025-04-05", "2026-01-05", "EXPIRED");

    Flyway.configure().dataSource(db).table("app_schema_history").locations("classpath:db/migration").load()
        .migrate();

    PublicationPeriods periods = new PublicationPeriods(PublicationPeriodsTest.NATIONAL);
    assertThat(dates(jdbc, general)).isEqualTo(periods.datesFor(Severity.GENERAL, LocalDate.of(2026, 1, 20), null))
        .isEqualTo(new PublicationDates(LocalDate.of(2026, 4, 21), LocalDate.of(2027, 1, 21)));
    assertThat(dates(jdbc, minor)).isEqualTo(periods.datesFor(Severity.MINOR, LocalDate.of(2026, 3, 10), null));
    assertThat(dates(jdbc, minorTerm)).isEqualTo(
        periods.datesFor(Severity.MINOR, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 31)));
    assertThat(dates(jdbc, expired)).isEqualTo(new PublicationDates(LocalDate.of(2025, 4, 6), LocalDate.of(2026, 1, 5)));
  }

  private static long insert(JdbcTemplate jdbc, long entity, String severity, String decided, String term,
      String earliest, String end, String state) {
    String number = "No. " + System.nanoTime();
    jdbc.update("insert into dishonesty_record (entity_id, department_code, record_type, severity, decision_number, "
        + "title, decision_date, term_end_date, earliest_repair_date, automatic_end_date, state, state_changed_at, "
        + "version) values (?, 'd', 'ADMINISTRATIVE_PENALTY', ?, ?, 't', ?, ?, ?, ?, ?, current_timestamp, 0)",
        entity, severity, number, Date.valueOf(decided), term == null ? null : Date.valueOf(term),
        Date.valueOf(earliest), Date.valueOf(end), state);
    return jdbc.queryForObject("select id from dishonesty_record where decision_number = ?", Long.class, number);
  }

  private static PublicationDates dates(JdbcTemplate jdbc, long id) {
    Map<String, Object> row = jdbc.queryForMap(
        "select earliest_repair_date, automatic_end_date from dishonesty_record where id = ?", id);
    return new PublicationDates(((Date) row.get("EARLIEST_REPAIR_DATE")).toLocalDate(),
        ((Date) row.get("AUTOMATIC_END_DATE")).toLocalDate());
  }
}
