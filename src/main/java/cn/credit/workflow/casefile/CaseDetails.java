package cn.credit.workflow.casefile;

import cn.credit.workflow.record.DishonestyRecord;

/**
 * One case as its pages show it, whatever its kind: the kind's own entity (its fields are shown
 * by the kind's fragment), the exact commitment text to sign and where its letter is once issued.
 */
public record CaseDetails(CaseKind kind, CaseRecord kase, String commitmentText) {

  public String caseRef() {
    return kase.getCaseRef();
  }

  public DishonestyRecord record() {
    return kase.getRecord();
  }

  /** The applicant's page of the case: /portal/repairs/7. */
  public String portalUrl() {
    return "/portal/" + kind.pagePath() + "/" + kase.getId();
  }

  /** The printable letter, null until one is issued. */
  public String letterUrl() {
    return kase.getLetterCode() == null ? null : kind.letterPath(kase.getId());
  }
}
