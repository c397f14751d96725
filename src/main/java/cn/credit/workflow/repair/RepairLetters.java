package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.letter.CaseLetters;
import cn.credit.workflow.letter.Letter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The decision letter (信用修复决定书) of a decided repair request. */
@Component
class RepairLetters extends CaseLetters<RepairRequest> {

  private final RepairRequestRepository requests;
  private final RepairService repairs;

  RepairLetters(RepairRequestRepository requests, RepairService repairs) {
    this.requests = requests;
    this.repairs = repairs;
  }

  @Override
  public CaseKind kind() {
    return CaseKind.REPAIR;
  }

  @Override
  protected Optional<RepairRequest> withLetterCode(String code) {
    return requests.findByLetterCode(code);
  }

  @Override
  protected RepairRequest visibleCase(Long caseId, String username) {
    return repairs.get(caseId, username);
  }

  @Override
  protected Letter letterOf(RepairRequest filed) {
    return of(filed);
  }

  static Letter of(RepairRequest request) {
    Department department = request.getRecord().getDepartment();
    boolean notAccepted = request.getState() == RepairState.NOT_ACCEPTED;
    return new Letter(request.getLetterCode(),
        notAccepted ? "不予受理信用修复申请决定书" : "信用修复决定书",
        notAccepted ? "Decision not to accept a credit repair request" : "Credit repair decision",
        "你单位就我单位作出的" + request.getRecord().getDecisionNumber() + "《" + request.getRecord().getTitle()
            + "》相关失信信息提出的信用修复申请（案件编号 " + request.getCaseRef() + "），经审查，决定如下：",
        request.getCaseRef(), request.getEntity().getName(), request.getEntity().getUscc(), department.getNameZh(),
        department.getNameEn(), request.getRecord().getTitle(), request.getRecord().getDecisionNumber(),
        outcomeZh(request.getState()), outcomeEn(request.getState()), request.getDecisionReasons(),
        request.getDecidedAt());
  }

  private static String outcomeZh(RepairState state) {
    return switch (state) {
      case GRANTED, COMPLETED -> "准予信用修复，该失信信息停止公示，各联合惩戒部门解除相关惩戒措施。";
      case REVOKED -> "曾准予信用修复；因申请人违背信用承诺，修复决定已撤销，该信息恢复公示。";
      case NOT_ACCEPTED -> "申请不予受理。";
      case REFUSED -> "不予信用修复，该失信信息继续公示。";
      default -> "";
    };
  }

  private static String outcomeEn(RepairState state) {
    return switch (state) {
      case GRANTED, COMPLETED -> "Repair granted: the record is no longer published and the joint-punishment measures are lifted.";
      case REVOKED -> "Repair was granted, then revoked for a broken commitment; the record is published again.";
      case NOT_ACCEPTED -> "The request was not accepted.";
      case REFUSED -> "Repair refused: the record stays published.";
      default -> "";
    };
  }
}
