package cn.credit.workflow.letter;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.casefile.CaseRecordRepository;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.Texts;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters of one kind of case, found by their code or by their case: each kind says how to find
 * its cases and how its letter reads; the rest is the same for all. Read in one transaction, so the
 * letter is built from the case as it stands.
 */
public abstract class CaseLetters<C extends CaseRecord> implements LetterSource {

  private final CaseKind kind;
  private final Class<C> type;
  private final CaseRecordRepository<C> repository;
  private final Cases cases;
  private RulesCited rules;
  private Texts texts;

  protected CaseLetters(CaseKind kind, Class<C> type, CaseRecordRepository<C> repository, Cases cases) {
    this.kind = kind;
    this.type = type;
    this.repository = repository;
    this.cases = cases;
  }

  /**
   * The rules every letter cites. Injected here rather than through each kind's constructor, so that a
   * kind's letters class only gathers its own facts.
   */
  @Autowired
  public final void citing(RulesCited rules, Texts texts) {
    this.rules = rules;
    this.texts = texts;
  }

  /** How the letter of a case reads: the kind gathers the facts, the bundle has the words. */
  protected abstract Letter letterOf(C filed);

  @Override
  public CaseKind kind() {
    return kind;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Letter> byCode(String code) {
    return repository.findByLetterCode(code).map(this::cited);
  }

  @Override
  @Transactional(readOnly = true)
  public Letter issuedFor(Long caseId, String username) {
    // the kind's own rule on who may see the case; 404 otherwise
    C filed = type.cast(cases.visible(kind, caseId, username));
    if (filed.getLetterCode() == null) {
      throw ApiProblem.notFound("letter.none", filed.getCaseRef());
    }
    return cited(filed);
  }

  private Letter cited(C filed) {
    Letter letter = letterOf(filed);
    Text cited = rules.of(filed);
    return letter.under(texts.zh(cited), texts.en(cited));
  }
}
