package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.letter.CaseLetters;
import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.Texts;
import org.springframework.stereotype.Component;

/** The decision letter (信用修复决定书) of a decided repair request. */
@Component
class RepairLetters extends CaseLetters<RepairRequest> {

  private final Texts texts;

  RepairLetters(RepairRequestRepository requests, Cases cases, Texts texts) {
    super(CaseKind.REPAIR, RepairRequest.class, requests, cases);
    this.texts = texts;
  }

  @Override
  protected Letter letterOf(RepairRequest filed) {
    return of(filed);
  }

  /** The facts of the decision; its wording is the bundle's (letter.repair.…). */
  private Letter of(RepairRequest request) {
    Department department = request.getRecord().getDepartment();
    Text title = Text.of(request.getState() == RepairState.NOT_ACCEPTED ? "letter.repair.title.notAccepted"
        : "letter.repair.title");
    Text outcome = outcome(request.getState());
    return new Letter(request.getLetterCode(), texts.zh(title), texts.en(title),
        texts.zh(Text.of("letter.repair.intro", request.getRecord().getDecisionNumber(), request.getRecord().getTitle(),
            request.getCaseRef())),
        request.getCaseRef(), request.getEntity().getName(), request.getEntity().getUscc(), department.getNameZh(),
        department.getNameEn(), request.getRecord().getTitle(), request.getRecord().getDecisionNumber(),
        texts.zh(outcome), texts.en(outcome), request.getDecisionReasons(), request.getDecidedAt());
  }

  /** What was decided; a state without a letter of its own (none is issued for it) says nothing. */
  private static Text outcome(RepairState state) {
    return switch (state) {
      case GRANTED, COMPLETED -> Text.of("letter.repair.outcome.GRANTED");
      case REVOKED, NOT_ACCEPTED, REFUSED -> Text.of("letter.repair.outcome." + state.name());
      default -> Text.both("", "");
    };
  }
}
