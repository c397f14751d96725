package cn.credit.workflow.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The mail outbox as metrics: mails waiting to be sent (or retried) and mails given up on. */
@Component
class OutboxGauges implements MeterBinder {

  private final NotificationRepository outbox;

  OutboxGauges(NotificationRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("credit.outbox.pending", () -> outbox.countByStatus(NotificationStatus.PENDING))
        .description("mails written and not yet delivered (a mail server that is down makes this grow)")
        .register(registry);
    Gauge.builder("credit.outbox.failed", () -> outbox.countByStatus(NotificationStatus.FAILED))
        .description("mails given up on after their last attempt (/admin shows and resends them)")
        .register(registry);
  }
}
