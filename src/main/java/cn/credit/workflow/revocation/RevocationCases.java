package cn.credit.workflow.revocation;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseRecordSource;
import org.springframework.stereotype.Component;

@Component
class RevocationCases extends CaseRecordSource<Revocation> {

  private final RevocationService revocations;

  RevocationCases(RevocationRepository repository, RevocationService revocations) {
    super(CaseKind.REVOCATION, repository);
    this.revocations = revocations;
  }

  @Override
  public Revocation visible(Long caseId, String username) {
    return revocations.get(caseId, username);
  }

  /** A report of a revoked decision asks no commitment. */
  @Override
  protected String commitmentTextOf(Revocation kase) {
    return null;
  }
}
