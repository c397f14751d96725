package cn.credit.workflow.record;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DishonestyRecordRepository extends JpaRepository<DishonestyRecord, Long> {

  List<DishonestyRecord> findByEntityIdOrderByDecisionDateDesc(Long entityId);

  List<DishonestyRecord> findByStateInAndAutomaticEndDateLessThanEqual(Collection<PublicationState> states,
      LocalDate day);
}
