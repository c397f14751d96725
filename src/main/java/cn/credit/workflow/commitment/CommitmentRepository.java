package cn.credit.workflow.commitment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {
  boolean existsByCaseRef(String caseRef);

  Optional<Commitment> findByCaseRef(String caseRef);

  List<Commitment> findByEntityIdOrderBySignedAtDesc(Long entityId);

  @Query("select distinct c.signatoryName from Commitment c where c.entityId = ?1")
  List<String> signatoryNames(Long entityId);
}
