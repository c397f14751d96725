package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.CaseSource;
import cn.credit.workflow.casefile.CaseSummary;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class RepairCases implements CaseSource {

  private final RepairRequestRepository requests;
  private final RepairService repairs;

  RepairCases(RepairRequestRepository requests, RepairService repairs) {
    this.requests = requests;
    this.repairs = repairs;
  }

  @Override
  public CaseKind kind() {
    return CaseKind.REPAIR;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String caseRef) {
    return requests.findByCaseRef(caseRef).map(RepairRequest::getId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<CaseSummary> casesAbout(Long recordId) {
    return requests.findByRecordIdOrderByReceivedAt(recordId).stream()
        .map(r -> new CaseSummary(CaseKind.REPAIR, r.getId(), r.getCaseRef(), r.getState().name(), r.getState().isOpen()))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CaseParty> partyOf(String caseRef) {
    return requests.findByCaseRef(caseRef).map(r -> new CaseParty(CaseKind.REPAIR, r.getId(), r.getCaseRef(),
        r.getEntity().getId(), r.getEntity().getName(), r.getEntity().getUscc(), r.getApplicant(),
        r.getDepartmentCode(), r.getRecord().getId()));
  }

  @Override
  public void requireViewer(Long caseId, String username) {
    repairs.get(caseId, username);
  }
}
