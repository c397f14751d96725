package cn.credit.workflow.casefile;

import cn.credit.workflow.system.ApiProblem;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every kind of case together: a repair request and a dispute about the same record show each other. */
@Service
public class Cases {

  private final List<CaseSource> sources;

  Cases(List<CaseSource> sources) {
    this.sources = sources;
  }

  public Optional<Long> idOf(String caseRef) {
    return source(caseRef).flatMap(s -> s.idOf(caseRef));
  }

  public Optional<CaseParty> partyOf(String caseRef) {
    return source(caseRef).flatMap(s -> s.partyOf(caseRef));
  }

  /**
   * The case, if the person may see it: the kind's own rule (the applicant's entity; the deciding,
   * assisting and member departments; the credit office; leaders; admins). 404 alike when there is
   * none and when it is not theirs to see.
   */
  @Transactional(readOnly = true)
  public CaseParty requireVisible(String caseRef, String username) {
    CaseSource source = source(caseRef).orElseThrow(() -> ApiProblem.notFound("case.none", caseRef));
    CaseParty party = source.partyOf(caseRef).orElseThrow(() -> ApiProblem.notFound("case.none", caseRef));
    source.visible(party.caseId(), username);
    return party;
  }

  /** A case of the kind by its number, as {@link #requireVisible} lets the person see it. */
  @Transactional(readOnly = true)
  public CaseDetails details(CaseKind kind, Long caseId, String username) {
    return source(kind).details(caseId, username);
  }

  /** A case of the kind by its number, if the person may see it (404 otherwise); no more than that. */
  @Transactional(readOnly = true)
  public CaseRecord visible(CaseKind kind, Long caseId, String username) {
    return source(kind).visible(caseId, username);
  }

  private Optional<CaseSource> source(String caseRef) {
    return CaseKind.ofReference(caseRef).map(this::source);
  }

  private CaseSource source(CaseKind kind) {
    return sources.stream().filter(s -> s.kind() == kind).findFirst()
        .orElseThrow(() -> new IllegalStateException("no case source for " + kind));
  }

  /** The open cases about the record, of every kind. */
  public List<CaseRecord> openAbout(Long recordId) {
    return sources.stream().flatMap(s -> s.openCasesAbout(recordId).stream()).map(CaseRecord.class::cast).toList();
  }

  /** The other cases about the record, leaving out the one asking. */
  public List<CaseSummary> aboutRecord(Long recordId, String exceptCaseRef) {
    return sources.stream().flatMap(s -> s.casesAbout(recordId).stream())
        .filter(c -> !c.caseRef().equals(exceptCaseRef)).toList();
  }
}
