package cn.credit.workflow.casepage;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseCommentRepository extends JpaRepository<CaseComment, Long> {

  List<CaseComment> findByCaseRefOrderById(String caseRef);
}
