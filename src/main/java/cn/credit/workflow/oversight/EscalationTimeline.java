package cn.credit.workflow.oversight;

import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.TimelineSource;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The leaders' urges and supervision and the deadline escalations, as lines of the case's timeline. */
@Component
class EscalationTimeline implements TimelineSource {

  static final String KIND = "escalation";

  private final EscalationRepository escalations;

  EscalationTimeline(EscalationRepository escalations) {
    this.escalations = escalations;
  }

  /** Internal to the departments: the applicant's view leaves them out. */
  @Override
  public boolean internal() {
    return true;
  }

  @Override
  @Transactional(readOnly = true)
  public List<CaseTimeline.Entry> entriesOf(String caseRef) {
    return escalations.findByCaseRefOrderById(caseRef).stream().map(e -> new CaseTimeline.Entry(e.getCreatedAt(), KIND,
        e.getLevel().name(), e.getActor(), e.getDueAt(), null, e.getTaskName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()))).toList();
  }
}
