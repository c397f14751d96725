package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseSource;
import cn.credit.workflow.casefile.CaseSummary;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class DisputeCases implements CaseSource {

  private final DisputeRepository disputes;

  DisputeCases(DisputeRepository disputes) {
    this.disputes = disputes;
  }

  @Override
  public boolean serves(String caseRef) {
    return caseRef.startsWith("D-");
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String caseRef) {
    return disputes.findByCaseRef(caseRef).map(Dispute::getId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<CaseSummary> casesAbout(Long recordId) {
    return disputes.findByRecordIdOrderByReceivedAt(recordId).stream()
        .map(d -> new CaseSummary("dispute", d.getId(), d.getCaseRef(), d.getState().name(), d.getState().isOpen()))
        .toList();
  }
}
