package cn.credit.workflow.notification;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The outbox in the health report: how many mails wait and how many failed. A mail server that is
 * down is not the application being down (the outbox keeps every mail), so this never reports DOWN;
 * Spring's own mail check is switched off for the same reason.
 */
@Component("outbox")
class OutboxHealthIndicator extends AbstractHealthIndicator {

  private final NotificationRepository outbox;

  OutboxHealthIndicator(NotificationRepository outbox) {
    this.outbox = outbox;
  }

  /** A failure to count (the database away) is DOWN, as the base class says, not an error of the health page. */
  @Override
  protected void doHealthCheck(Health.Builder health) {
    health.up()
        .withDetail("pending", outbox.countByStatus(NotificationStatus.PENDING))
        .withDetail("failed", outbox.countByStatus(NotificationStatus.FAILED));
  }
}
