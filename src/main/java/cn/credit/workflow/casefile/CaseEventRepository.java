package cn.credit.workflow.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {
  List<CaseEvent> findByCaseRefOrderById(String caseRef);
}
