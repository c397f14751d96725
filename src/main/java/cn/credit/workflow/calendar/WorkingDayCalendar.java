package cn.credit.workflow.calendar;

import cn.credit.workflow.calendar.CalendarSnapshot.CalendarDate;
import cn.credit.workflow.calendar.CalendarSnapshot.WorkingDayCount;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar: all calendar math of the application goes through here. The loaded
 * years are held in memory and re-read after a load and every minute, so that every node of a
 * cluster sees a year another node loaded.
 */
@Service
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final CalendarDayRepository dayRepository;
  private final CalendarYearRepository yearRepository;
  private final Clock clock;
  private final MonthDay warnFrom;
  private final StatutoryHolidays statutory = StatutoryHolidays.shipped();
  private volatile CalendarSnapshot snapshot = new CalendarSnapshot(List.of(), java.util.Set.of(), statutory);

  WorkingDayCalendar(CalendarDayRepository dayRepository, CalendarYearRepository yearRepository, Clock clock,
      @Value("${credit.calendar.next-year-warning-from}") String warnFrom) {
    this.dayRepository = dayRepository;
    this.yearRepository = yearRepository;
    this.clock = clock;
    this.warnFrom = MonthDay.parse(warnFrom);
  }

  @Scheduled(initialDelayString = "${credit.calendar.refresh-interval}", fixedDelayString = "${credit.calendar.refresh-interval}")
  @Transactional(readOnly = true)
  public void refresh() {
    var years = yearRepository.findAll().stream().map(CalendarYear::getYear).collect(Collectors.toSet());
    var days = dayRepository.findAll().stream().map(CalendarDay::toScheduledDay).toList();
    snapshot = new CalendarSnapshot(days, years, statutory);
  }

  public CalendarSnapshot snapshot() {
    return snapshot;
  }

  public boolean isWorkingDay(LocalDate date) {
    return snapshot.isWorkingDay(date);
  }

  public CalendarDate plusWorkingDays(LocalDate from, int workingDays) {
    return snapshot.plusWorkingDays(from, workingDays);
  }

  public CalendarDate minusWorkingDays(LocalDate from, int workingDays) {
    return snapshot.minusWorkingDays(from, workingDays);
  }

  public WorkingDayCount workingDaysBetween(LocalDate from, LocalDate to) {
    return snapshot.workingDaysBetween(from, to);
  }

  public boolean isProvisional(LocalDate date) {
    return !snapshot.isLoaded(date.getYear());
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * From the configured day on (1 November: the State Council publishes the next year in November,
   * and limits counted from then may reach into it), the next year should be loaded.
   */
  public boolean nextYearMissing() {
    LocalDate today = today();
    return !MonthDay.from(today).isBefore(warnFrom) && !snapshot.isLoaded(today.getYear() + 1);
  }

  public List<CalendarYear> loadedYears() {
    return yearRepository.findAllByOrderByYearDesc();
  }

  public List<ScheduledDay> daysOf(int year) {
    return dayRepository.findByYear(year).stream().map(CalendarDay::toScheduledDay)
        .sorted(java.util.Comparator.comparing(ScheduledDay::date)).toList();
  }

  /**
   * Stores one year's schedule in a single transaction: all of it or, on any error, nothing. A
   * year already loaded is replaced only when asked to.
   */
  @Transactional
  public CalendarYear load(YearSchedule schedule, String source, String actor, boolean replace) {
    int year = schedule.year();
    if (yearRepository.existsById(year)) {
      if (!replace) {
        throw new YearAlreadyLoadedException(year);
      }
      dayRepository.deleteByYear(year);
      yearRepository.deleteById(year);
      yearRepository.flush();
    }
    CalendarYear loaded = yearRepository.save(new CalendarYear(year, source, clock.instant(), actor));
    dayRepository.saveAll(schedule.days().stream().map(CalendarDay::new).toList());
    // the source is an administrator's text: a line break in it must not start a log line of its own
    log.info("Working-day calendar {} loaded by {} from '{}': {} days", year, actor, source.replaceAll("\\R", " "),
        schedule.days().size());
    refreshAfterCommit();
    return loaded;
  }

  private void refreshAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          refresh();
        }
      });
    } else {
      refresh();
    }
  }

  /** The year is there already; loading it again must say so. */
  public static class YearAlreadyLoadedException extends RuntimeException {
    private final int year;

    YearAlreadyLoadedException(int year) {
      super("the calendar of " + year + " is already loaded");
      this.year = year;
    }

    /** What to tell the person who tried. */
    public Text refusal() {
      return Text.of("calendar.loadedAlready", year);
    }
  }
}
