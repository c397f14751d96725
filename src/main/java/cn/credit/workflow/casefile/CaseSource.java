package cn.credit.workflow.casefile;

import java.util.List;
import java.util.Optional;

/** A kind of case (repair requests, disputes) as the rest of the application looks it up. */
public interface CaseSource {

  /** The kind of case this source holds. */
  CaseKind kind();

  Optional<Long> idOf(String caseRef);

  List<CaseSummary> casesAbout(Long recordId);

  Optional<CaseParty> partyOf(String caseRef);

  /**
   * The case as its pages show it; refuses (404, as if there were none) when the person may not
   * see it: each kind has its own rule.
   */
  CaseDetails details(Long caseId, String username);
}
