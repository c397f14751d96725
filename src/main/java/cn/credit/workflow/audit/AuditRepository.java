package cn.credit.workflow.audit;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<AuditEvent, Long> {

  @Query("""
      select e from AuditEvent e
      where (:actor is null or e.actor = :actor) and (:action is null or e.action = :action)
        and (:address is null or e.address = :address) and e.at >= :from and e.at < :until
      order by e.at desc, e.id desc""")
  Page<AuditEvent> search(String actor, String action, String address, Instant from, Instant until, Pageable page);
}
