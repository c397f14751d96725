package cn.credit.workflow.shielding;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseRecordSource;
import org.springframework.stereotype.Component;

@Component
class ShieldingCases extends CaseRecordSource<Shielding> {

  private final ShieldingService shieldings;

  ShieldingCases(ShieldingRepository repository, ShieldingService shieldings) {
    super(CaseKind.SHIELDING, repository);
    this.shieldings = shieldings;
  }

  @Override
  public Shielding visible(Long caseId, String username) {
    return shieldings.get(caseId, username);
  }

  /** A shielding request asks no commitment. */
  @Override
  protected String commitmentTextOf(Shielding kase) {
    return null;
  }
}
