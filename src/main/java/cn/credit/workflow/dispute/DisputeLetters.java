package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.letter.CaseLetters;
import cn.credit.workflow.letter.Letter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The written reply to a dispute (信用信息异议答复书), checkable by its code. */
@Component
class DisputeLetters extends CaseLetters<Dispute> {

  private final DisputeRepository repository;
  private final DisputeService disputes;

  DisputeLetters(DisputeRepository repository, DisputeService disputes) {
    this.repository = repository;
    this.disputes = disputes;
  }

  @Override
  public CaseKind kind() {
    return CaseKind.DISPUTE;
  }

  @Override
  protected Optional<Dispute> withLetterCode(String code) {
    return repository.findByLetterCode(code);
  }

  @Override
  protected Dispute visibleCase(Long caseId, String username) {
    return disputes.get(caseId, username);
  }

  @Override
  protected Letter letterOf(Dispute filed) {
    return of(filed);
  }

  static Letter of(Dispute dispute) {
    boolean rejected = dispute.getState() == DisputeState.REJECTED;
    Department department = dispute.getRecord().getDepartment();
    String issuerZh = rejected ? "市社会信用体系建设办公室" : department.getNameZh();
    String issuerEn = rejected ? "City Credit Office" : department.getNameEn();
    return new Letter(dispute.getLetterCode(), "信用信息异议答复书", "Reply to a credit record dispute",
        "你单位对" + dispute.getRecord().getDecisionNumber() + "《" + dispute.getRecord().getTitle()
            + "》信用信息提出的异议（案件编号 " + dispute.getCaseRef() + "），经核查，答复如下：",
        dispute.getCaseRef(), dispute.getEntity().getName(), dispute.getEntity().getUscc(), issuerZh, issuerEn,
        dispute.getRecord().getTitle(), dispute.getRecord().getDecisionNumber(), outcomeZh(dispute),
        outcomeEn(dispute), dispute.getReasons(), dispute.getRepliedAt());
  }

  static String outcomeZh(Dispute dispute) {
    if (dispute.getState() == DisputeState.REJECTED) {
      return "异议不予受理。";
    }
    return switch (dispute.getOutcome()) {
      case CORRECTED -> "异议成立，已更正相关信息：" + dispute.getChanges().replace("\n", "；") + "。";
      case CANCELLED -> "异议成立，该信息已撤销，不再公示。";
      case KEPT -> "经核查，该信息无误，予以维持。";
    };
  }

  static String outcomeEn(Dispute dispute) {
    if (dispute.getState() == DisputeState.REJECTED) {
      return "The dispute was not taken up.";
    }
    return switch (dispute.getOutcome()) {
      case CORRECTED -> "The dispute is upheld; the record was corrected.";
      case CANCELLED -> "The dispute is upheld; the record is cancelled and no longer published.";
      case KEPT -> "The record was verified as correct and is kept.";
    };
  }
}
