package cn.credit.workflow.record;

import cn.credit.workflow.department.Department;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint-punishment measures a record's member departments take, and so lift when it is
 * repaired: each member department's own, for the record's type ({@code joint_measure}).
 */
@Service
public class JointMeasures {

  /** A member department of the record and its measures for the record's type (none when it has none recorded). */
  public record Member(Department department, List<JointMeasure> measures) {}

  private final JointMeasureRepository measures;
  private final DishonestyRecordRepository records;

  JointMeasures(JointMeasureRepository measures, DishonestyRecordRepository records) {
    this.measures = measures;
    this.records = records;
  }

  /** Every member department of the record, in the directory's order, with its measures to lift. */
  @Transactional(readOnly = true)
  public List<Member> toLift(Long recordId) {
    DishonestyRecord record = records.findById(recordId).orElseThrow();
    List<Department> members = record.getJointPunishmentMembers().stream()
        .sorted(Comparator.comparingInt(Department::getSortOrder).thenComparing(Department::getCode)).toList();
    if (members.isEmpty()) {
      return List.of();
    }
    Map<String, List<JointMeasure>> byDepartment = measures.findByRecordTypeAndDepartmentCodeInOrderBySortOrderAscIdAsc(
            record.getType(), members.stream().map(Department::getCode).toList()).stream()
        .collect(Collectors.groupingBy(JointMeasure::getDepartmentCode));
    return members.stream().map(d -> new Member(d, byDepartment.getOrDefault(d.getCode(), List.of()))).toList();
  }

  /** The measures one member department lifts for the record; none when it is no member of it. */
  @Transactional(readOnly = true)
  public List<JointMeasure> toLift(Long recordId, String departmentCode) {
    return toLift(recordId).stream().filter(m -> m.department().getCode().equals(departmentCode))
        .flatMap(m -> m.measures().stream()).toList();
  }

  /** Records a department's measure for a type of record (the directory's data; demo data uses it). */
  @Transactional
  public JointMeasure define(String departmentCode, RecordType type, String nameZh, String nameEn, int sortOrder) {
    return measures.save(new JointMeasure(departmentCode, type, nameZh, nameEn, sortOrder));
  }
}
