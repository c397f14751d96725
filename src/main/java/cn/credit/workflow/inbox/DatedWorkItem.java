package cn.credit.workflow.inbox;

import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.DueStatus;
import java.util.List;

/** A work item with its standing against the deadline, as every list shows it (no standing once it ended). */
public record DatedWorkItem(WorkItem item, DueStatus due) {

  public static List<DatedWorkItem> of(List<WorkItem> items, Deadlines deadlines) {
    return items.stream().map(i -> new DatedWorkItem(i, i.getState() == WorkItem.State.OPEN
        ? deadlines.statusOf(i.getDueAt()) : new DueStatus(DueStatus.Kind.NONE, 0))).toList();
  }
}
