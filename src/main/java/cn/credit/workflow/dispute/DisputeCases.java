package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.CaseSource;
import cn.credit.workflow.casefile.CaseSummary;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class DisputeCases implements CaseSource {

  private final DisputeRepository repository;
  private final DisputeService disputes;

  DisputeCases(DisputeRepository repository, DisputeService disputes) {
    this.repository = repository;
    this.disputes = disputes;
  }

  @Override
  public CaseKind kind() {
    return CaseKind.DISPUTE;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String caseRef) {
    return repository.findByCaseRef(caseRef).map(Dispute::getId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<CaseSummary> casesAbout(Long recordId) {
    return repository.findByRecordIdOrderByReceivedAt(recordId).stream()
        .map(d -> new CaseSummary(CaseKind.DISPUTE, d.getId(), d.getCaseRef(), d.getState().name(), d.getState().isOpen()))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CaseParty> partyOf(String caseRef) {
    return repository.findByCaseRef(caseRef).map(d -> new CaseParty(CaseKind.DISPUTE, d.getId(), d.getCaseRef(),
        d.getEntity().getId(), d.getEntity().getName(), d.getEntity().getUscc(), d.getApplicant(),
        d.getDepartmentCode(), d.getRecord().getId()));
  }

  @Override
  public void requireViewer(Long caseId, String username) {
    disputes.get(caseId, username);
  }
}
