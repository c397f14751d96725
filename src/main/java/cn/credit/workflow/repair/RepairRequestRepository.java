package cn.credit.workflow.repair;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RepairRequestRepository extends JpaRepository<RepairRequest, Long> {

  Optional<RepairRequest> findByCaseRef(String caseRef);

  Optional<RepairRequest> findByLetterCode(String letterCode);

  boolean existsByRecordIdAndStateIn(Long recordId, Collection<RepairState> states);

  List<RepairRequest> findByApplicantOrderByReceivedAtDesc(String applicant);

  List<RepairRequest> findByRecordIdOrderByReceivedAt(Long recordId);

  List<RepairRequest> findByEntityIdOrderByReceivedAtDesc(Long entityId);
}
