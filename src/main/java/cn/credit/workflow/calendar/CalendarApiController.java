package cn.credit.workflow.calendar;

import cn.credit.workflow.calendar.CalendarSnapshot.CalendarDate;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.text.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CalendarApiController {

  private final WorkingDayCalendar calendar;
  private final int maxWorkingDays;

  CalendarApiController(WorkingDayCalendar calendar, @Value("${credit.calendar.max-working-days}") int maxWorkingDays) {
    this.calendar = calendar;
    this.maxWorkingDays = maxWorkingDays;
  }

  /** When a step started on {@code from} with a limit of {@code workingDays} working days is due. */
  @GetMapping("/api/calendar/due")
  Map<String, Object> due(@RequestParam LocalDate from, @RequestParam int workingDays) {
    if (from.getYear() < YearSchedule.FIRST_YEAR || from.getYear() > YearSchedule.LAST_YEAR) {
      // the calendar counts in these years only; a year like +999999999 overflows the count
      Text expected = Text.of("calendar.from.range", YearSchedule.FIRST_YEAR, YearSchedule.LAST_YEAR);
      throw new ApiProblem(HttpStatus.BAD_REQUEST, Text.of("problem.parameter.mismatch", "from", expected, from),
          List.of(new FieldProblem("from", expected)));
    }
    if (workingDays < 0 || workingDays > maxWorkingDays) {
      Text expected = Text.of("calendar.workingDays.range", maxWorkingDays);
      throw new ApiProblem(HttpStatus.BAD_REQUEST, Text.of("problem.value.mismatch", "workingDays", expected, workingDays),
          List.of(new FieldProblem("workingDays", expected)));
    }
    CalendarDate due = calendar.plusWorkingDays(from, workingDays);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("workingDays", workingDays);
    body.put("due", due.date());
    body.put("provisional", due.provisional());
    return body;
  }

  @GetMapping("/api/calendar/years")
  List<Map<String, Object>> years() {
    return calendar.loadedYears().stream().map(y -> Map.<String, Object>of("year", y.getYear(), "source",
        y.getSource(), "loadedAt", y.getLoadedAt(), "days", calendar.daysOf(y.getYear()))).toList();
  }

  /** Loads (or with {@code replace=true} replaces) one year. Admins only (see the security configuration). */
  @PostMapping("/api/admin/calendar/{year}")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> load(@PathVariable int year, @RequestParam(defaultValue = "false") boolean replace,
      @Valid @RequestBody YearRequest request, Principal principal) {
    YearSchedule schedule;
    try {
      schedule = request.text() != null ? YearSchedule.parse(year, request.text())
          : YearSchedule.of(year, request.days() == null ? List.of() : request.days());
    } catch (YearSchedule.InvalidScheduleException e) {
      throw ApiProblem.unprocessable(e.errors(), "calendar.notLoaded", year);
    }
    try {
      calendar.load(schedule, request.source().strip(), principal.getName(), replace);
    } catch (WorkingDayCalendar.YearAlreadyLoadedException e) {
      throw new ApiProblem(HttpStatus.CONFLICT, e.refusal(), List.of());
    }
    return Map.of("year", year, "days", schedule.days().size(), "source", request.source().strip());
  }

  /** Either {@code days} as JSON or {@code text} in the line form of {@link YearSchedule#parse}. */
  record YearRequest(@NotBlank(message = "{calendar.source.required}") @Size(max = 300, message = "{valid.atMost}") String source,
      List<ScheduledDay> days, String text) {}
}
