package cn.credit.workflow.calendar;

import cn.credit.workflow.startup.StartupStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * At start-up, loads the years shipped in {@code classpath:calendar/YYYY.txt} that the database does
 * not have yet (2025 and 2026 from the State Council's notices), then reads the calendar.
 */
@Component
@Order(0)
class CalendarSeeding implements StartupStep {

  private static final Logger log = LoggerFactory.getLogger(CalendarSeeding.class);

  private final WorkingDayCalendar calendar;

  CalendarSeeding(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void run() throws IOException {
    calendar.refresh();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.txt")) {
      int year = Integer.parseInt(resource.getFilename().replace(".txt", ""));
      if (calendar.snapshot().isLoaded(year)) {
        continue;
      }
      String text = resource.getContentAsString(StandardCharsets.UTF_8);
      String source = text.lines().findFirst().map(l -> l.replaceFirst("^#\\s*", "")).orElse("calendar/" + year);
      try {
        calendar.load(YearSchedule.parse(year, text), source, "system", false);
      } catch (DataIntegrityViolationException | WorkingDayCalendar.YearAlreadyLoadedException anotherNode) {
        log.info("Calendar {} was loaded by another node meanwhile", year);
      }
    }
    calendar.refresh();
  }
}
