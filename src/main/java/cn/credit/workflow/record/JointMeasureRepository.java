package cn.credit.workflow.record;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JointMeasureRepository extends JpaRepository<JointMeasure, Long> {

  List<JointMeasure> findByRecordTypeAndDepartmentCodeInOrderBySortOrderAscIdAsc(RecordType recordType,
      Collection<String> departmentCodes);
}
