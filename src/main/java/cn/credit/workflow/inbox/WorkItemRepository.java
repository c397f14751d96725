package cn.credit.workflow.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface WorkItemRepository extends JpaRepository<WorkItem, String>, JpaSpecificationExecutor<WorkItem> {

  List<WorkItem> findByCaseRefOrderByCreatedAt(String caseRef);

  // The queues' counts for their tabs, each reading at most ?2 rows of its index: a queue of 100,000
  // open tasks is counted as "999+" in the time of 1,000 rows.
  @Query(value = "select count(*) from (select 1 from work_item where state = 'OPEN' and assignee = ?1 limit ?2) t",
      nativeQuery = true)
  long countMineUpTo(String username, int most);

  @Query(value = """
      select count(*) from (select 1 from work_item where state = 'OPEN' and assignee is null
        and candidate_group in (?1) limit ?2) t""", nativeQuery = true)
  long countDepartmentUpTo(Collection<String> groups, int most);

  @Query(value = "select count(*) from (select 1 from work_item where completed_by = ?1 and state = 'COMPLETED' limit ?2) t",
      nativeQuery = true)
  long countDoneUpTo(String username, int most);

  @Query("""
      select w from WorkItem w where w.state = cn.credit.workflow.inbox.WorkItem.State.OPEN
        and w.departmentCode is not null and w.dueAt < ?1 and (?2 = true or w.departmentCode in ?3)
      order by w.dueAt""")
  List<WorkItem> overdue(Instant now, boolean everyDepartment, Collection<String> departments,
      Pageable page);

  @Query("""
      select w.departmentCode as department, w.processKey as process, w.stepKey as stepKey, min(w.stepName) as step,
             count(w) as open,
             sum(case when w.dueAt < ?1 then 1 else 0 end) as overdue, min(w.dueAt) as oldestDue
      from WorkItem w
      where w.state = cn.credit.workflow.inbox.WorkItem.State.OPEN and w.departmentCode is not null
        and (?2 = true or w.departmentCode in ?3)
      group by w.departmentCode, w.processKey, w.stepKey
      order by w.departmentCode, w.processKey, w.stepKey""")
  List<LoadRow> openByDepartmentAndStep(Instant now, boolean everyDepartment, Collection<String> departments);

  @Query("""
      select w.departmentCode as department, count(w) as total,
             sum(case when w.dueAt is null or w.endedAt <= w.dueAt then 1 else 0 end) as onTime
      from WorkItem w
      where w.state = cn.credit.workflow.inbox.WorkItem.State.COMPLETED and w.departmentCode is not null
        and w.endedAt >= ?1 and w.endedAt < ?2
      group by w.departmentCode""")
  List<OnTimeRow> onTimeBetween(Instant from, Instant to);

}
