package cn.credit.workflow.inbox;

import cn.credit.workflow.process.identity.EngineGroups;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Users;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's lists, read from the work items on their indexes: my tasks, my department's
 * unclaimed tasks (both due date first), and the tasks I completed (latest first).
 */
@Service
public class TaskLists {

  public static final int PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;

  public enum Queue { MINE, DEPARTMENT, DONE }

  /** What a person narrows a list by; blank means "any". */
  public record Filter(String process, String step, boolean overdueOnly, String party) {

    public static Filter none() {
      return new Filter(null, null, false, null);
    }
  }

  private final WorkItemRepository items;
  private final Users users;
  private final Clock clock;

  TaskLists(WorkItemRepository items, Users users, Clock clock) {
    this.items = items;
    this.users = users;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<WorkItem> page(String username, Queue queue, Filter filter, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiProblem.badRequest("tasks.page.range", MAX_PAGE_SIZE);
    }
    Specification<WorkItem> spec = of(username, queue);
    Sort sort = queue == Queue.DONE ? Sort.by(Sort.Direction.DESC, "endedAt")
        : Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("createdAt"));
    return items.findAll(spec.and(filtered(filter, queue)), PageRequest.of(page, size, sort));
  }

  /** Counts beyond this are shown as "999+" (tasks/list.html). */
  public static final int COUNT_CAP = 1000;

  /** How many rows a queue has, up to {@link #COUNT_CAP}. */
  @Transactional(readOnly = true)
  public long count(String username, Queue queue) {
    return switch (queue) {
      case MINE -> items.countMineUpTo(username, COUNT_CAP);
      case DEPARTMENT -> {
        Set<String> groups = groupsOf(username);
        yield groups.isEmpty() ? 0 : items.countDepartmentUpTo(groups, COUNT_CAP);
      }
      case DONE -> items.countDoneUpTo(username, COUNT_CAP);
    };
  }

  private Specification<WorkItem> of(String username, Queue queue) {
    return switch (queue) {
      case MINE -> (root, q, cb) -> cb.and(cb.equal(root.get("state"), WorkItem.State.OPEN),
          cb.equal(root.get("assignee"), username));
      case DEPARTMENT -> {
        Set<String> groups = groupsOf(username);
        yield (root, q, cb) -> groups.isEmpty() ? cb.disjunction()
            : cb.and(cb.equal(root.get("state"), WorkItem.State.OPEN), cb.isNull(root.get("assignee")),
                // one group (a reviewer) is an equality, so that the queue index also gives the order
                groups.size() == 1 ? cb.equal(root.get("candidateGroup"), groups.iterator().next())
                    : root.get("candidateGroup").in(groups));
      }
      case DONE -> (root, q, cb) -> cb.and(cb.equal(root.get("completedBy"), username),
          cb.equal(root.get("state"), WorkItem.State.COMPLETED));
    };
  }

  /** The open tasks of a case, earliest deadline first: what the case waits for, and until when. */
  @Transactional(readOnly = true)
  public List<WorkItem> openOfCase(String caseRef) {
    return items.findByCaseRefOrderByCreatedAt(caseRef).stream().filter(i -> i.getState() == WorkItem.State.OPEN)
        .toList();
  }

  /** Every task the case had, open or ended, in the order they came. */
  @Transactional(readOnly = true)
  public List<WorkItem> allOfCase(String caseRef) {
    return items.findByCaseRefOrderByCreatedAt(caseRef);
  }

  /** The department queues a person works: their department, and its leaders' queue for leaders. */
  @Transactional(readOnly = true)
  public Set<String> groupsOf(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    Set<String> groups = new LinkedHashSet<>(EngineGroups.of(user));
    groups.remove(EngineGroups.APPLICANTS);
    groups.remove(EngineGroups.CAMUNDA_ADMIN);
    return groups;
  }

  private Specification<WorkItem> filtered(Filter filter, Queue queue) {
    return (root, q, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (notBlank(filter.process())) {
        where.add(cb.equal(root.get("processKey"), filter.process().strip()));
      }
      if (notBlank(filter.step())) {
        where.add(cb.equal(root.get("stepKey"), filter.step().strip()));
      }
      if (filter.overdueOnly() && queue != Queue.DONE) {
        where.add(cb.lessThan(root.get("dueAt"), clock.instant()));
      }
      if (notBlank(filter.party())) {
        String party = filter.party().strip();
        where.add(party.matches("[0-9A-Z]{18}") ? cb.equal(root.get("uscc"), party)
            : cb.like(root.get("entityName"), "%" + party.replace("%", "").replace("_", "") + "%"));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
