package cn.credit.workflow.oversight;

import cn.credit.workflow.inbox.RowMarks;
import cn.credit.workflow.inbox.WorkItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The inbox's rows marked when a leader urged the task (催办) or supervises its case (督办), with their words. */
@Component
class OversightMarks implements RowMarks {

  private final EscalationRepository escalations;
  private final SupervisionRepository supervisions;

  OversightMarks(EscalationRepository escalations, SupervisionRepository supervisions) {
    this.escalations = escalations;
    this.supervisions = supervisions;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, List<Mark>> marksOf(Collection<WorkItem> items) {
    Map<String, List<Mark>> marks = new LinkedHashMap<>();
    if (items.isEmpty()) {
      return marks;
    }
    List<String> taskIds = items.stream().map(WorkItem::getTaskId).toList();
    // the latest urge of each task speaks for it
    Map<String, Escalation> urges = new LinkedHashMap<>();
    escalations.findByTaskIdInAndLevelOrderById(taskIds, EscalationLevel.URGE).forEach(u -> urges.put(u.getTaskId(), u));
    List<String> caseRefs = items.stream().map(WorkItem::getCaseRef).filter(Objects::nonNull).distinct().toList();
    List<Supervision> supervised = caseRefs.isEmpty() ? List.of() : supervisions.findByCaseRefInOrderByCreatedAt(caseRefs);
    for (WorkItem item : items) {
      List<Mark> mine = new ArrayList<>();
      Escalation urge = urges.get(item.getTaskId());
      if (urge != null) {
        mine.add(new Mark("URGED", urge.getMessage(), urge.getActor()));
      }
      supervised.stream().filter(s -> s.getCaseRef().equals(item.getCaseRef()))
          .forEach(s -> mine.add(new Mark("SUPERVISED", s.getNote(), s.getLeader())));
      if (!mine.isEmpty()) {
        marks.put(item.getTaskId(), mine);
      }
    }
    return marks;
  }
}
