package cn.credit.workflow.commitment;

import cn.credit.workflow.record.Severity;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TemplateRepository extends JpaRepository<CommitmentTemplate, Long> {
  @Query("select t from CommitmentTemplate t where t.purpose = ?3 and t.severity = ?1 and t.departmentCode = ?2 order by t.version desc")
  List<CommitmentTemplate> latest(Severity severity, String departmentCode, CommitmentPurpose purpose);

  @Query("select t from CommitmentTemplate t where t.purpose = ?2 and t.severity = ?1 and t.departmentCode is null order by t.version desc")
  List<CommitmentTemplate> latestGeneral(Severity severity, CommitmentPurpose purpose);

  @Query("select max(t.version) from CommitmentTemplate t where t.purpose = ?3 and t.severity = ?1"
      + " and (t.departmentCode = ?2 or (?2 is null and t.departmentCode is null))")
  Optional<Integer> maxVersion(Severity severity, String departmentCode, CommitmentPurpose purpose);
}
