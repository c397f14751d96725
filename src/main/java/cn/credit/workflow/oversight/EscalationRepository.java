package cn.credit.workflow.oversight;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

  List<Escalation> findByTaskIdOrderById(String taskId);

  List<Escalation> findByCaseRefOrderById(String caseRef);

  List<Escalation> findByTaskIdInAndLevelOrderById(java.util.Collection<String> taskIds, EscalationLevel level);

  boolean existsByTaskIdAndLevelAndDueAt(String taskId, EscalationLevel level, java.time.Instant dueAt);
}
