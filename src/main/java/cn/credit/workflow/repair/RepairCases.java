package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseRecordSource;
import org.springframework.stereotype.Component;

@Component
class RepairCases extends CaseRecordSource<RepairRequest> {

  private final RepairService repairs;

  RepairCases(RepairRequestRepository requests, RepairService repairs) {
    super(CaseKind.REPAIR, requests);
    this.repairs = repairs;
  }

  @Override
  public RepairRequest visible(Long caseId, String username) {
    return repairs.get(caseId, username);
  }

  @Override
  protected String commitmentTextOf(RepairRequest kase) {
    return repairs.commitmentText(kase);
  }
}
