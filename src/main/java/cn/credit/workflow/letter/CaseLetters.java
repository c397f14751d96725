package cn.credit.workflow.letter;

import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.system.ApiProblem;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters of one kind of case, found by their code or by their case: each kind says how to find
 * its cases and how its letter reads; the rest is the same for all. Read in one transaction, so the
 * letter is built from the case as it stands.
 */
public abstract class CaseLetters<C extends CaseRecord> implements LetterSource {

  /** The case whose letter has this verification code. */
  protected abstract Optional<C> withLetterCode(String code);

  /** The case, if the person may see it (404 otherwise). */
  protected abstract C visibleCase(Long caseId, String username);

  protected abstract Letter letterOf(C filed);

  @Override
  @Transactional(readOnly = true)
  public Optional<Letter> byCode(String code) {
    return withLetterCode(code).map(this::letterOf);
  }

  @Override
  @Transactional(readOnly = true)
  public Letter issuedFor(Long caseId, String username) {
    C filed = visibleCase(caseId, username);
    if (filed.getLetterCode() == null) {
      throw ApiProblem.notFound("letter.none", filed.getCaseRef());
    }
    return letterOf(filed);
  }
}
