package cn.credit.workflow.record;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DishonestyRecordRepository extends JpaRepository<DishonestyRecord, Long> {

  List<DishonestyRecord> findByEntityIdOrderByDecisionDateDesc(Long entityId);

  Optional<DishonestyRecord> findByDepartmentCodeAndDecisionNumber(String departmentCode, String decisionNumber);

  List<DishonestyRecord> findTop100ByDepartmentCodeOrderByIdDesc(String departmentCode);

  /** The department's document numbers among {@code numbers}: which of a batch are registered already. */
  @Query("select r.decisionNumber from DishonestyRecord r where r.department.code = :department"
      + " and r.decisionNumber in :numbers")
  List<String> registeredNumbers(@Param("department") String department, @Param("numbers") Collection<String> numbers);

  List<DishonestyRecord> findByStateInAndAutomaticEndDateLessThanEqual(Collection<PublicationState> states,
      LocalDate day);
}
