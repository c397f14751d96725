package cn.credit.workflow.oversight;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionRepository extends JpaRepository<Supervision, Long> {

  Optional<Supervision> findByLeaderAndCaseRef(String leader, String caseRef);

  List<Supervision> findByLeaderOrderByCreatedAtDesc(String leader);

  List<Supervision> findByCaseRefInOrderByCreatedAt(java.util.Collection<String> caseRefs);
}
