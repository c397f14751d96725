package cn.credit.workflow.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The lookups every kind of case answers; each kind's repository extends it for its own entity. */
@NoRepositoryBean
public interface CaseRecordRepository<C extends CaseRecord> extends JpaRepository<C, Long> {

  Optional<C> findByCaseRef(String caseRef);

  Optional<C> findByLetterCode(String letterCode);

  List<C> findByRecordIdOrderByReceivedAt(Long recordId);

  List<C> findByApplicantOrderByReceivedAtDesc(String applicant);

  List<C> findByEntityIdOrderByReceivedAtDesc(Long entityId);
}
