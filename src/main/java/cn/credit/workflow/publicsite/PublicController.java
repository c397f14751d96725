package cn.credit.workflow.publicsite;

import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.MarketEntityRepository;
import cn.credit.workflow.entity.Masking;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.DishonestyRecordRepository;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.system.ApiProblem;
import java.time.Instant;
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
 * being published and when, and the commitments it signed. Natural persons' names are masked.
 */
@Controller
@Transactional(readOnly = true)
class PublicController {

  private final MarketEntityRepository entities;
  private final DishonestyRecordRepository records;
  private final CommitmentService commitments;

  private final boolean hideDisputedContent;

  PublicController(MarketEntityRepository entities, DishonestyRecordRepository records,
      CommitmentService commitments, @Value("${credit.disputes.hide-content-while-disputed:false}") boolean hideDisputedContent) {
    this.hideDisputedContent = hideDisputedContent;
    this.entities = entities;
    this.records = records;
    this.commitments = commitments;
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
      model.addAttribute("found", found);
    }
    return "public/index";
  }

  @GetMapping("/public/entities/{uscc}")
  String entity(@PathVariable String uscc, Model model) {
    MarketEntity entity = entities.findByUscc(Uscc.normalize(uscc))
        .orElseThrow(() -> ApiProblem.notFound("no market entity " + uscc));
    List<DishonestyRecord> all = records.findByEntityIdOrderByDecisionDateDesc(entity.getId());
    all.forEach(r -> r.getHistory().size()); // rendered after the transaction: load what the page shows
    all.forEach(r -> r.getDepartment().getNameZh());
    model.addAttribute("entity", entity);
    model.addAttribute("hideDisputedContent", hideDisputedContent);
    model.addAttribute("representative", entity.getKind().isNaturalPerson()
        ? Masking.name(entity.getLegalRepresentative()) : entity.getLegalRepresentative());
    model.addAttribute("published", all.stream().filter(r -> r.getState().isOnPublicList()).toList());
    model.addAttribute("stopped", all.stream()
        .filter(r -> r.getState() == PublicationState.STOPPED || r.getState() == PublicationState.EXPIRED).toList());
    model.addAttribute("commitments", commitments.publishedFor(entity.getId()).stream()
        .map(c -> new PublicCommitment(c.getCaseRef(), c.getText(), Masking.name(c.getSignatoryName()),
            c.getSignedAt(), c.getTemplateVersion(), c.getSha256()))
        .toList());
    return "public/entity";
  }

  /** A signed commitment as the public sees it: the signatory is a natural person, so masked. */
  record PublicCommitment(String caseRef, String text, String signatory, Instant signedAt,
      int templateVersion, String sha256) {}
}
