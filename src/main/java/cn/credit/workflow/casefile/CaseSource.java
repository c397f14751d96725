package cn.credit.workflow.casefile;

import java.util.List;
import java.util.Optional;

/** A kind of case (repair requests, disputes) as the rest of the application looks it up. */
public interface CaseSource {

  /** The kind of case this source holds. */
  CaseKind kind();

  Optional<Long> idOf(String caseRef);

  List<CaseSummary> casesAbout(Long recordId);

  /** The cases about the record still being worked, for what changes them (the record amended). */
  List<? extends CaseRecord> openCasesAbout(Long recordId);

  Optional<CaseParty> partyOf(String caseRef);

  /**
   * The case, if the person may see it; refuses (404, as if there were none) otherwise: each kind has
   * its own rule.
   */
  CaseRecord visible(Long caseId, String username);

  /** The case as its pages show it, with its commitment text: {@link #visible} and the text. */
  CaseDetails details(Long caseId, String username);
}
