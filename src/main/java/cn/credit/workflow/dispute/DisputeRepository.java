package cn.credit.workflow.dispute;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DisputeRepository extends JpaRepository<Dispute, Long> {

  Optional<Dispute> findByCaseRef(String caseRef);

  Optional<Dispute> findByLetterCode(String letterCode);

  boolean existsByRecordIdAndStateIn(Long recordId, Collection<DisputeState> states);

  List<Dispute> findByRecordIdOrderByReceivedAt(Long recordId);

  List<Dispute> findByApplicantOrderByReceivedAtDesc(String applicant);

  List<Dispute> findByEntityIdOrderByReceivedAtDesc(Long entityId);
}
