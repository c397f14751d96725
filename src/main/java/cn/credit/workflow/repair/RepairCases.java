package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseDetails;
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
  public CaseDetails details(Long caseId, String username) {
    RepairRequest kase = repairs.get(caseId, username);
    return new CaseDetails(kind(), kase, repairs.commitmentText(kase));
  }
}
