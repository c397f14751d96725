package cn.credit.workflow.publicsite;

import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.HistoryAction;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.system.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public credit pages (no login): find an entity, see what is published about it, what stopped
 * being published and when, and the commitments it signed. Every text goes through
 * {@link PublicMasking}: the pages get masked copies, never the entities themselves.
 */
@Controller
@Transactional(readOnly = true)
class PublicController {

  private final Entities entities;
  private final RecordService records;
  private final CommitmentService commitments;
  private final PublicMasking masking;

  private final boolean hideDisputedContent;

  PublicController(Entities entities, RecordService records,
      CommitmentService commitments, PublicMasking masking,
      @Value("${credit.disputes.hide-content-while-disputed:false}") boolean hideDisputedContent) {
    this.hideDisputedContent = hideDisputedContent;
    this.entities = entities;
    this.records = records;
    this.commitments = commitments;
    this.masking = masking;
  }

  @GetMapping("/public")
  String search(@RequestParam(required = false) String q, Model model) {
    if (q != null && !q.isBlank()) {
      String query = q.strip();
      String code = Uscc.normalize(query);
      List<MarketEntity> found = Uscc.isValid(code)
          ? entities.findByUscc(code).stream().toList()
          : entities.findTop50ByNameContainingOrderByName(query);
      if (found.size() == 1) {
        return "redirect:/public/entities/" + found.get(0).getUscc();
      }
      model.addAttribute("q", query);
      model.addAttribute("found", found.stream()
          .map(e -> new PublicEntity(masking.of(e).text(e.getName()), e.getUscc())).toList());
    }
    return "public/index";
  }

  @GetMapping("/public/entities/{uscc}")
  String entity(@PathVariable String uscc, Model model) {
    MarketEntity entity = entities.findByUscc(Uscc.normalize(uscc))
        .orElseThrow(() -> ApiProblem.notFound("no market entity " + uscc));
    PublicMasking.Texts texts = masking.of(entity);
    List<PublicRecord> all = records.findByEntityIdOrderByDecisionDateDesc(entity.getId()).stream()
        .map(r -> PublicRecord.of(r, texts)).toList();
    model.addAttribute("entity", new PublicEntity(texts.text(entity.getName()), entity.getUscc()));
    model.addAttribute("hideDisputedContent", hideDisputedContent);
    model.addAttribute("representative", entity.getKind().isNaturalPerson()
        ? texts.person(entity.getLegalRepresentative()) : entity.getLegalRepresentative());
    model.addAttribute("published", all.stream().filter(r -> r.state().isOnPublicList()).toList());
    model.addAttribute("stopped", all.stream()
        .filter(r -> r.state() == PublicationState.STOPPED || r.state() == PublicationState.EXPIRED).toList());
    model.addAttribute("commitments", commitments.publishedFor(entity.getId()).stream()
        .map(c -> new PublicCommitment(c.getCaseRef(), texts.text(c.getText()), texts.person(c.getSignatoryName()),
            c.getSignedAt(), c.getTemplateVersion(), c.getSha256()))
        .toList());
    return "public/entity";
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
              .map(h -> new PublicCorrection(h.getOccurredAt(), h.getCaseRef(), texts.text(h.getChanges())))
              .toList());
    }
  }

  /** One correction of a record: the old and the new values, masked like the record. */
  record PublicCorrection(Instant occurredAt, String caseRef, String changes) {}

  /** A signed commitment as the public sees it: the signatory is a natural person, so masked. */
  record PublicCommitment(String caseRef, String text, String signatory, Instant signedAt,
      int templateVersion, String sha256) {}
}
