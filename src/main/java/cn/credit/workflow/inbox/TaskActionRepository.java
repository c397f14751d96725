package cn.credit.workflow.inbox;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskActionRepository extends JpaRepository<TaskAction, Long> {

  Page<TaskAction> findByTargetAndActionOrderByOccurredAtDesc(String target, TaskAction.Kind action, Pageable page);

  long countByTargetAndAction(String target, TaskAction.Kind action);

  List<TaskAction> findByCaseRefOrderById(String caseRef);
}
