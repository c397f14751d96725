package cn.credit.workflow.casepage;

import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.system.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see a case, decided in one place for every kind: each kind's own rule (the applicant's
 * entity; the deciding, assisting and member departments; the credit office; leaders; admins).
 */
@Component
public class CaseAccess {

  private final Cases cases;
  private final RepairService repairs;
  private final DisputeService disputes;

  CaseAccess(Cases cases, RepairService repairs, DisputeService disputes) {
    this.cases = cases;
    this.repairs = repairs;
    this.disputes = disputes;
  }

  /** The case, if the person may see it; 404 alike when there is none and when it is not theirs to see. */
  @Transactional(readOnly = true)
  public CaseParty require(String caseRef, String username) {
    CaseParty party = cases.partyOf(caseRef).orElseThrow(() -> ApiProblem.notFound("no case " + caseRef));
    switch (party.kind()) {
      case REPAIR -> repairs.get(party.caseId(), username);
      case DISPUTE -> disputes.get(party.caseId(), username);
    }
    return party;
  }
}
