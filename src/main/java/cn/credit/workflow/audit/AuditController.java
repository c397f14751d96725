package cn.credit.workflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators, newest first, filtered by person, action, address and days. */
@Controller
class AuditController {

  private final AuditLog audit;
  private final Clock clock;

  AuditController(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/admin/audit")
  String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, Model model) {
    AuditAction chosen = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
    var events = audit.search(actor, chosen, address, startOf(from, 0), startOf(to, 1), page);
    model.addAttribute("events", events);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("actor", actor);
    model.addAttribute("action", chosen == null ? null : chosen.name());
    model.addAttribute("address", address);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "admin/audit";
  }

  /** The start of the day {@code after} days after {@code day}; a day no entry can have (before 1970, after 9999) is no limit. */
  private Instant startOf(LocalDate day, int after) {
    return day == null || day.getYear() < 1970 || day.getYear() > 9999 ? null
        : day.plusDays(after).atStartOfDay(clock.getZone()).toInstant();
  }
}
