package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.casefile.CaseTexts;
import cn.credit.workflow.letter.CaseLetters;
import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.record.RecordCorrections;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.Texts;
import org.springframework.stereotype.Component;

/** The written reply to a dispute (信用信息异议答复书), checkable by its code. */
@Component
class DisputeLetters extends CaseLetters<Dispute> {

  private final Texts texts;

  DisputeLetters(DisputeRepository repository, Cases cases, Texts texts) {
    super(CaseKind.DISPUTE, Dispute.class, repository, cases);
    this.texts = texts;
  }

  @Override
  protected Letter letterOf(Dispute filed) {
    return of(filed);
  }

  /** The facts of the reply; its wording is the bundle's (letter.dispute.…). */
  private Letter of(Dispute dispute) {
    boolean rejected = dispute.getState() == DisputeState.REJECTED;
    Text issuer = rejected ? Text.of("letter.dispute.issuer.rejected")
        : CaseTexts.department(dispute.getRecord().getDepartment());
    Text title = Text.of("letter.dispute.title");
    Text outcome = outcome(dispute);
    return new Letter(dispute.getLetterCode(), texts.zh(title), texts.en(title),
        texts.zh(Text.of("letter.dispute.intro", dispute.getRecord().getDecisionNumber(), dispute.getRecord().getTitle(),
            dispute.getCaseRef())),
        dispute.getCaseRef(), dispute.getEntity().getName(), dispute.getEntity().getUscc(), texts.zh(issuer),
        texts.en(issuer), dispute.getRecord().getTitle(), dispute.getRecord().getDecisionNumber(), texts.zh(outcome),
        texts.en(outcome), dispute.getReasons(), dispute.getRepliedAt());
  }

  /** What was decided, as the reply and the applicant's mail say it. */
  static Text outcome(Dispute dispute) {
    if (dispute.getState() == DisputeState.REJECTED) {
      return Text.of("letter.dispute.outcome.REJECTED");
    }
    if (dispute.getOutcome() == DisputeOutcome.CORRECTED) {
      return Text.of("letter.dispute.outcome.CORRECTED", RecordCorrections.of(dispute.getChanges()));
    }
    if (dispute.getOutcome() == DisputeOutcome.REFUSAL_REVOKED) {
      return Text.of("letter.dispute.outcome.REFUSAL_REVOKED", Text.of("dispute.decision." + dispute.getGround()),
          dispute.getContestedCaseRef());
    }
    return Text.of("letter.dispute.outcome." + dispute.getOutcome());
  }
}
