package cn.credit.workflow.casefile;

import java.util.List;

/**
 * A feature that adds lines to a case's timeline (the leaders' urges, say) without the case file
 * depending on it.
 */
public interface TimelineSource {

  List<CaseTimeline.Entry> entriesOf(String caseRef);

  /** Lines for the departments only, which the applicant's view leaves out. */
  default boolean internal() {
    return false;
  }
}
