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

  /** Per department: records registered through intake, and how many of them late. */
  @Query("select r.department.code, count(r), sum(case when r.registeredLate = true then 1 else 0 end)"
      + " from DishonestyRecord r where r.registeredOn is not null group by r.department.code")
  List<Object[]> registrationsByDepartment();

  List<DishonestyRecord> findTop50ByRegisteredLateTrueOrderByIdDesc();

  List<DishonestyRecord> findTop50ByRegisteredLateTrueAndDepartmentCodeInOrderByIdDesc(Collection<String> departments);

  List<DishonestyRecord> findByStateInAndAutomaticEndDateLessThanEqual(Collection<PublicationState> states,
      LocalDate day);
}
