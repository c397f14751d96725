package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseDetails;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseRecordSource;
import org.springframework.stereotype.Component;

@Component
class DisputeCases extends CaseRecordSource<Dispute> {

  private final DisputeService disputes;

  DisputeCases(DisputeRepository repository, DisputeService disputes) {
    super(CaseKind.DISPUTE, repository);
    this.disputes = disputes;
  }

  @Override
  public CaseDetails details(Long caseId, String username) {
    Dispute kase = disputes.get(caseId, username);
    return new CaseDetails(kind(), kase, disputes.commitmentText(kase));
  }
}
