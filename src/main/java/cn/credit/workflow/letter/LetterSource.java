package cn.credit.workflow.letter;

import cn.credit.workflow.casefile.CaseKind;
import java.util.Optional;

/** A kind of case that issues letters with verification codes (repair decisions, dispute replies). */
public interface LetterSource {

  /** The kind of case whose letters these are. */
  CaseKind kind();

  Optional<Letter> byCode(String code);

  /**
   * The letter that ended the case, for a person who may see the case; 404 alike when there is no
   * such case, when it is not theirs, and when no letter was issued yet.
   */
  Letter issuedFor(Long caseId, String username);
}
