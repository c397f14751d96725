package cn.credit.workflow.dispute;

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
  public Dispute visible(Long caseId, String username) {
    return disputes.get(caseId, username);
  }

  @Override
  protected String commitmentTextOf(Dispute kase) {
    return disputes.commitmentText(kase);
  }
}
