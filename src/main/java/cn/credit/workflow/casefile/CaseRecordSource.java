package cn.credit.workflow.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/** A kind of case found through its repository; the kind adds only who may see one of its cases. */
public abstract class CaseRecordSource<C extends CaseRecord> implements CaseSource {

  private final CaseKind kind;
  private final CaseRecordRepository<C> repository;

  protected CaseRecordSource(CaseKind kind, CaseRecordRepository<C> repository) {
    this.kind = kind;
    this.repository = repository;
  }

  @Override
  public abstract C visible(Long caseId, String username);

  /** The exact commitment text the case's applicant signs. */
  protected abstract String commitmentTextOf(C kase);

  @Override
  public CaseDetails details(Long caseId, String username) {
    C kase = visible(caseId, username);
    return new CaseDetails(kind, kase, commitmentTextOf(kase));
  }

  @Override
  public CaseKind kind() {
    return kind;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String caseRef) {
    return repository.findByCaseRef(caseRef).map(CaseRecord::getId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<CaseSummary> casesAbout(Long recordId) {
    return repository.findByRecordIdOrderByReceivedAt(recordId).stream()
        .map(c -> new CaseSummary(kind, c.getId(), c.getCaseRef(), c.getState().name(), c.getState().isOpen()))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<C> openCasesAbout(Long recordId) {
    return repository.findByRecordIdOrderByReceivedAt(recordId).stream().filter(c -> c.getState().isOpen()).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CaseParty> partyOf(String caseRef) {
    return repository.findByCaseRef(caseRef).map(c -> new CaseParty(kind, c.getId(), c.getCaseRef(),
        c.getEntity().getId(), c.getEntity().getName(), c.getEntity().getUscc(), c.getApplicant(),
        c.getDepartmentCode(), c.getRecord().getId()));
  }
}
