package cn.credit.workflow.casefile;

/**
 * Staff outside the departments a case concerns whom someone working it asked for an opinion
 * (征求意见, e.g. another department's officer): they may read the case, so that they answer
 * knowing it, beside those {@link CaseViewers} lets see it. Reading only: they work none of its steps.
 */
public interface CaseGuests {

  /** Whether the person was asked for an opinion about the case. */
  boolean invited(String caseRef, String username);
}
