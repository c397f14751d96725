package cn.credit.workflow.casefile;

import cn.credit.workflow.text.Text;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's own case history, written in the transaction of the step it describes. */
@Service
public class CaseEvents {

  private final CaseEventRepository events;
  private final Clock clock;

  CaseEvents(CaseEventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** A line whose detail is a text typed by a person (reasons, missing materials), kept as typed. */
  @Transactional
  public void record(String caseRef, String actor, String type, String detail) {
    events.save(new CaseEvent(caseRef, clock.instant(), actor, type, detail));
  }

  /** A line whose detail the application words: kept as a key and its arguments, shown in the reader's language. */
  @Transactional
  public void record(String caseRef, String actor, String type, Text detail) {
    events.save(CaseEvent.worded(caseRef, clock.instant(), actor, type, detail));
  }

  @Transactional(readOnly = true)
  public List<CaseEvent> of(String caseRef) {
    return events.findByCaseRefOrderById(caseRef);
  }
}
