package cn.credit.workflow.shielding;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseTexts;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.letter.CaseLetters;
import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.Texts;
import org.springframework.stereotype.Component;

/** The department's decision on a shielding request (信用信息临时屏蔽决定书), checkable by its code. */
@Component
class ShieldingLetters extends CaseLetters<Shielding> {

  private final Texts texts;

  ShieldingLetters(ShieldingRepository repository, Cases cases, Texts texts) {
    super(CaseKind.SHIELDING, Shielding.class, repository, cases);
    this.texts = texts;
  }

  /** The facts of the decision; its wording is the bundle's (letter.shielding.…). */
  @Override
  protected Letter letterOf(Shielding shielding) {
    boolean refused = shielding.getState() == ShieldingState.REFUSED;
    Text title = Text.of(refused ? "letter.shielding.title.refused" : "letter.shielding.title");
    Text issuer = CaseTexts.department(shielding.getRecord().getDepartment());
    Text outcome = Text.of(refused ? "letter.shielding.outcome.refused" : "letter.shielding.outcome.shielded");
    Text intro = Text.of("letter.shielding.intro", Text.of("shielding.procedure." + shielding.getProcedure()),
        shielding.getCourt(), shielding.getCourtCaseNumber(), shielding.getRecord().getDecisionNumber(),
        shielding.getRecord().getTitle(), shielding.getCaseRef());
    return new Letter(shielding.getLetterCode(), texts.zh(title), texts.en(title), texts.zh(intro),
        shielding.getCaseRef(), shielding.getEntity().getName(), shielding.getEntity().getUscc(), texts.zh(issuer),
        texts.en(issuer), shielding.getRecord().getTitle(), shielding.getRecord().getDecisionNumber(),
        texts.zh(outcome), texts.en(outcome), shielding.getReasons(), shielding.getDecidedAt());
  }
}
