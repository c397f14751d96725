package cn.credit.workflow.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Marks on the inbox's rows from features the inbox does not depend on: the leaders' urges (催办)
 * and supervision (督办), with the leader's words, so that such work stands out in the lists.
 */
public interface RowMarks {

  /** A mark: its kind ({@code URGED}, {@code SUPERVISED}), the leader's words (may be null), and who. */
  record Mark(String kind, String words, String by) {}

  /** The marks of each of these open tasks, by task id; tasks without any are left out. */
  Map<String, List<Mark>> marksOf(Collection<WorkItem> items);
}
