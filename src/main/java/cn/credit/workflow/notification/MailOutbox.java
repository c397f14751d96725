package cn.credit.workflow.notification;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mail outbox as administrators see it: what failed, what waits for another attempt. */
@Service
public class MailOutbox {

  private final NotificationRepository outbox;

  MailOutbox(NotificationRepository outbox) {
    this.outbox = outbox;
  }

  @Transactional(readOnly = true)
  public long failedCount() {
    return outbox.countByStatus(NotificationStatus.FAILED);
  }

  /** Mails given up on, the newest first. */
  @Transactional(readOnly = true)
  public List<Notification> failed(int most) {
    return outbox.findByStatusOrderByCreatedAtDesc(NotificationStatus.FAILED, PageRequest.of(0, most));
  }

  /** Mails still waiting after a failed attempt, the newest first. */
  @Transactional(readOnly = true)
  public List<Notification> retrying(int most) {
    return outbox.findByStatusOrderByCreatedAtDesc(NotificationStatus.PENDING, PageRequest.of(0, most)).stream()
        .filter(n -> n.getAttempts() > 0).toList();
  }
}
