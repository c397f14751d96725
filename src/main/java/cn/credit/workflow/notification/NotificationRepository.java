package cn.credit.workflow.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  boolean existsByDedupKey(String dedupKey);

  @Query("select n.id from Notification n where n.status = cn.credit.workflow.notification.NotificationStatus.PENDING"
      + " and n.nextAttemptAt <= ?1 order by n.nextAttemptAt")
  List<Long> findDue(Instant now, Pageable page);

  /** Claims one mail for this node; 0 when another node has it already. */
  @Modifying
  @Query("update Notification n set n.status = cn.credit.workflow.notification.NotificationStatus.SENDING,"
      + " n.nextAttemptAt = ?2, n.version = n.version + 1"
      + " where n.id = ?1 and n.status = cn.credit.workflow.notification.NotificationStatus.PENDING")
  int claim(Long id, Instant claimedAt);

  /** Mails left SENDING by a node that stopped mid-way go back to the queue. */
  @Modifying
  @Query("update Notification n set n.status = cn.credit.workflow.notification.NotificationStatus.PENDING,"
      + " n.version = n.version + 1"
      + " where n.status = cn.credit.workflow.notification.NotificationStatus.SENDING and n.nextAttemptAt < ?1")
  int releaseStale(Instant claimedBefore);

  List<Notification> findByStatusOrderByCreatedAtDesc(NotificationStatus status, Pageable page);

  List<Notification> findByCaseRefOrderByCreatedAt(String caseRef);

  long countByStatus(NotificationStatus status);
}
