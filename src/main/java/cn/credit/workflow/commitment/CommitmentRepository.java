package cn.credit.workflow.commitment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {
  boolean existsByCaseRef(String caseRef);

  Optional<Commitment> findByCaseRef(String caseRef);

  List<Commitment> findByEntityIdOrderBySignedAtDesc(Long entityId);

  /** Who signed for each of the entities: pairs of entity id and name. */
  @Query("select distinct c.entityId, c.signatoryName from Commitment c where c.entityId in ?1")
  List<Object[]> signatoryNames(Collection<Long> entityIds);
}
