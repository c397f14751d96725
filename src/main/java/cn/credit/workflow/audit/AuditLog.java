package cn.credit.workflow.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit trail. An entry about a change joins the change's transaction (both or
 * neither); an entry about a refusal (a failed sign-in) is written on its own.
 */
@Service
public class AuditLog {

  static final int PAGE_SIZE = 100;

  private final AuditRepository events;
  private final Clock clock;

  AuditLog(AuditRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** The address is the current request's, when there is one. */
  @Transactional
  public void record(AuditAction action, String actor, String target, String detail) {
    events.save(new AuditEvent(clock.instant(), actor, action, target, currentAddress(), detail));
  }

  @Transactional
  public void record(AuditAction action, String actor, String target, String detail, String address) {
    events.save(new AuditEvent(clock.instant(), actor, action, target, address, detail));
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> search(String actor, AuditAction action, String address, Instant from, Instant until,
      int page) {
    return events.search(blankToNull(actor), action == null ? null : action.name(), blankToNull(address),
        from == null ? Instant.EPOCH : from, until == null ? Instant.parse("9999-01-01T00:00:00Z") : until,
        PageRequest.of(Math.max(0, page), PAGE_SIZE));
  }

  public static String currentAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
