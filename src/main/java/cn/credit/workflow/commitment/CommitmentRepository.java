package cn.credit.workflow.commitment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {
  boolean existsByCaseRef(String caseRef);

  Optional<Commitment> findByCaseRef(String caseRef);

  List<Commitment> findByEntityIdOrderBySignedAtDesc(Long entityId);
}
