package cn.credit.workflow.admin;

import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.calendar.YearSchedule;
import cn.credit.workflow.notification.MailDispatcher;
import cn.credit.workflow.notification.MailOutbox;
import cn.credit.workflow.system.FieldProblem;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages: the dashboard, the working-day calendar and the mail outbox. */
@Controller
class AdminController {

  private final WorkingDayCalendar calendar;
  private final MailOutbox outbox;
  private final MailDispatcher dispatcher;

  AdminController(WorkingDayCalendar calendar, MailOutbox outbox, MailDispatcher dispatcher) {
    this.calendar = calendar;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
  }

  @GetMapping("/admin")
  String dashboard(Model model) {
    model.addAttribute("failedMails", outbox.failedCount());
    model.addAttribute("nextYearMissing", calendar.nextYearMissing());
    model.addAttribute("nextYear", String.valueOf(calendar.today().getYear() + 1)); // no "2,027"
    return "admin/dashboard";
  }

  /** Mails the outbox gave up on, and mails still waiting after a failed attempt. */
  @GetMapping("/admin/notifications")
  String notifications(Model model) {
    model.addAttribute("failed", outbox.failed(200));
    model.addAttribute("retrying", outbox.retrying(200));
    return "admin/notifications";
  }

  @PostMapping("/admin/notifications/{id}/retry")
  String retry(@PathVariable Long id, RedirectAttributes redirect) {
    dispatcher.retry(id);
    redirect.addFlashAttribute("retried", id);
    return "redirect:/admin/notifications";
  }

  @GetMapping("/admin/calendar")
  String calendar(Model model) {
    model.addAttribute("nextYearMissing", calendar.nextYearMissing());
    model.addAttribute("nextYear", String.valueOf(calendar.today().getYear() + 1)); // no "2,027"
    model.addAttribute("years", calendar.loadedYears());
    if (!model.containsAttribute("year")) {
      model.addAttribute("year", calendar.today().getYear() + 1);
    }
    return "admin/calendar";
  }

  @PostMapping("/admin/calendar")
  String load(@RequestParam int year, @RequestParam String source, @RequestParam String text,
      @RequestParam(defaultValue = "false") boolean replace, Principal principal, Model model,
      RedirectAttributes redirect) {
    List<FieldProblem> errors;
    try {
      if (source.isBlank()) {
        errors = List.of(FieldProblem.of("source", "admin.calendar.sourceRequired"));
      } else {
        calendar.load(YearSchedule.parse(year, text), source.strip(), principal.getName(), replace);
        redirect.addFlashAttribute("loadedYear", String.valueOf(year));
        return "redirect:/admin/calendar";
      }
    } catch (YearSchedule.InvalidScheduleException e) {
      errors = e.errors();
    } catch (WorkingDayCalendar.YearAlreadyLoadedException e) {
      errors = List.of(new FieldProblem("", e.refusal()));
    }
    model.addAttribute("errors", errors);
    model.addAttribute("year", year);
    model.addAttribute("source", source);
    model.addAttribute("text", text);
    return calendar(model);
  }
}
