package cn.credit.workflow.casefile;

import java.util.List;
import java.util.Optional;

/** A kind of case (repair requests, disputes) as the rest of the application looks it up. */
public interface CaseSource {

  /** Whether this source's case references look like this one ("R-…", "D-…"). */
  boolean serves(String caseRef);

  Optional<Long> idOf(String caseRef);

  List<CaseSummary> casesAbout(Long recordId);

  Optional<CaseParty> partyOf(String caseRef);
}
