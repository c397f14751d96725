package cn.credit.workflow.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures leaders look at, from the work items: overdue tasks (oldest first), open and overdue
 * by department and step, and each department's on-time rate this month.
 */
@Service
public class Workload {

  static final int MAX_OVERDUE_LISTED = 200;

  private final WorkItemRepository items;
  private final Clock clock;

  Workload(WorkItemRepository items, Clock clock) {
    this.items = items;
    this.clock = clock;
  }

  /** {@code departments} null means every department (a city leader's view). */
  @Transactional(readOnly = true)
  public List<WorkItem> overdue(Collection<String> departments) {
    return items.overdue(clock.instant(), departments == null, scope(departments),
        PageRequest.of(0, MAX_OVERDUE_LISTED));
  }

  @Transactional(readOnly = true)
  public List<LoadRow> openByDepartmentAndStep(Collection<String> departments) {
    return items.openByDepartmentAndStep(clock.instant(), departments == null, scope(departments));
  }

  /** Tasks completed this calendar month, and how many of them by their deadline, per department. */
  @Transactional(readOnly = true)
  public List<OnTimeRow> onTimeThisMonth() {
    ZoneId zone = clock.getZone();
    LocalDate first = LocalDate.now(clock).withDayOfMonth(1);
    return items.onTimeBetween(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
  }

  private static Collection<String> scope(Collection<String> departments) {
    return departments == null || departments.isEmpty() ? List.of("-") : departments;
  }
}
