package cn.credit.workflow.publicsite;

import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.HistoryAction;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordCorrections;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.text.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public pages show, built in one read-only transaction: every text through
 * {@link PublicMasking}, so the pages get masked copies, never the entities themselves.
 */
@Service
class PublicPages {

  private final Entities entities;
  private final RecordService records;
  private final CommitmentService commitments;
  private final PublicMasking masking;

  PublicPages(Entities entities, RecordService records, CommitmentService commitments, PublicMasking masking) {
    this.entities = entities;
    this.records = records;
    this.commitments = commitments;
    this.masking = masking;
  }

  /** What a search found; with one entity only, its code to go straight to its page. */
  record Found(String onlyUscc, List<PublicEntity> entities) {}

  @Transactional(readOnly = true)
  Found search(String query) {
    String code = Uscc.normalize(query);
    List<MarketEntity> found = Uscc.isValid(code)
        ? entities.findByUscc(code).stream().toList()
        : entities.findTop50ByNameContainingOrderByName(query);
    if (found.size() == 1) {
      return new Found(found.get(0).getUscc(), List.of());
    }
    Map<Long, PublicMasking.Texts> texts = masking.ofAll(found);
    return new Found(null, found.stream()
        .map(e -> new PublicEntity(texts.get(e.getId()).text(e.getName()), e.getUscc())).toList());
  }

  /** An entity's public page: its records published and stopped, the commitments it signed. */
  record EntityPage(PublicEntity entity, String representative, List<PublicRecord> published,
      List<PublicRecord> stopped, List<PublicCommitment> commitments) {}

  @Transactional(readOnly = true)
  EntityPage entity(String uscc) {
    MarketEntity entity = entities.findByUscc(Uscc.normalize(uscc))
        .orElseThrow(() -> ApiProblem.notFound("entity.none", uscc));
    PublicMasking.Texts texts = masking.of(entity);
    List<PublicRecord> all = records.findByEntityIdOrderByDecisionDateDesc(entity.getId()).stream()
        .map(r -> PublicRecord.of(r, texts)).toList();
    return new EntityPage(new PublicEntity(texts.text(entity.getName()), entity.getUscc()),
        entity.getKind().isNaturalPerson() ? texts.person(entity.getLegalRepresentative())
            : entity.getLegalRepresentative(),
        all.stream().filter(r -> r.state().isOnPublicList()).toList(),
        all.stream().filter(r -> r.state() == PublicationState.STOPPED || r.state() == PublicationState.EXPIRED)
            .toList(),
        commitments.publishedFor(entity.getId()).stream()
            .map(c -> new PublicCommitment(c.getCaseRef(), texts.text(c.getText()), texts.person(c.getSignatoryName()),
                c.getSignedAt(), c.getTemplateVersion(), c.getSha256()))
            .toList());
  }

  record PublicEntity(String name, String uscc) {}

  /**
   * A record as the public sees it, its texts masked. The decision number is the department's
   * document number, which the public checks decisions by: it is shown as issued.
   */
  record PublicRecord(Long id, String decisionNumber, String title, String content, PublicationState state,
      String departmentZh, String departmentEn, LocalDate decisionDate, LocalDate automaticEndDate,
      Instant stateChangedAt, List<PublicCorrection> corrections) {

    static PublicRecord of(DishonestyRecord r, PublicMasking.Texts texts) {
      return new PublicRecord(r.getId(), r.getDecisionNumber(), texts.text(r.getTitle()), texts.text(r.getContent()),
          r.getState(), r.getDepartment().getNameZh(), r.getDepartment().getNameEn(), r.getDecisionDate(),
          r.getAutomaticEndDate(), r.getStateChangedAt(), r.getHistory().stream()
              .filter(h -> h.getAction() == HistoryAction.CORRECTED)
              .map(h -> new PublicCorrection(h.getOccurredAt(), h.getCaseRef(),
                  RecordCorrections.of(h.getChanges(), texts::text)))
              .toList());
    }

    /** The last day of publication, what the page shows as 公示截止: the automatic end is the day after. */
    public LocalDate lastDayOfPublication() {
      return automaticEndDate.minusDays(1);
    }
  }

  /** One correction of a record: the old and the new values, masked like the record. */
  record PublicCorrection(Instant occurredAt, String caseRef, List<Text> changes) {}

  /** A signed commitment as the public sees it: the signatory is a natural person, so masked. */
  record PublicCommitment(String caseRef, String text, String signatory, Instant signedAt,
      int templateVersion, String sha256) {}
}
