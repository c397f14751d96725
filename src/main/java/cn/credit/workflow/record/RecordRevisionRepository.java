package cn.credit.workflow.record;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecordRevisionRepository extends JpaRepository<RecordRevision, Long> {

  @Query("select r.departmentCode, count(r), sum(case when r.registeredLate = true then 1 else 0 end)"
      + " from RecordRevision r group by r.departmentCode")
  List<Object[]> revisionsByDepartment();

  List<RecordRevision> findTop50ByRegisteredLateTrueOrderByIdDesc();

  List<RecordRevision> findTop50ByRegisteredLateTrueAndDepartmentCodeInOrderByIdDesc(Collection<String> departments);

  boolean existsByRecordIdAndActionAndOccurredAtGreaterThanEqual(Long recordId, RecordRevision.Action action,
      Instant since);
}
