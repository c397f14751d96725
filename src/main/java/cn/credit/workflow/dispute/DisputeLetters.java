package cn.credit.workflow.dispute;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.letter.LetterSource;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The written reply to a dispute (信用信息异议答复书), checkable by its code. */
@Component
class DisputeLetters implements LetterSource {

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
  @Transactional(readOnly = true)
  public Letter issuedFor(Long caseId, String username) {
    Dispute dispute = disputes.get(caseId, username);
    if (dispute.getLetterCode() == null) {
      throw ApiProblem.notFound("dispute " + caseId + " has no written reply yet");
    }
    return of(dispute);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Letter> byCode(String code) {
    return repository.findByLetterCode(code).map(DisputeLetters::of);
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
