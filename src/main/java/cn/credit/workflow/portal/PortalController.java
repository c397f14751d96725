package cn.credit.workflow.portal;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.dispute.Dispute;
import cn.credit.workflow.dispute.DisputeGround;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.DatedWorkItem;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.revocation.ChangeKind;
import cn.credit.workflow.revocation.Revocation;
import cn.credit.workflow.revocation.RevocationService;
import cn.credit.workflow.shielding.Shielding;
import cn.credit.workflow.shielding.ShieldingProcedure;
import cn.credit.workflow.shielding.ShieldingService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.OneOf;
import cn.credit.workflow.system.Validity;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's portal: my records and when each may be repaired, filing a repair request or a
 * dispute with proof files, signing the commitment, answering a supplement notice, my cases.
 * A refusal (422) comes back to the same page with every message beside its field and the input kept.
 */
@Controller
class PortalController {


  private final PortalService portal;
  private final RepairService repairs;
  private final DisputeService disputes;
  private final Deadlines deadlines;
  private final Cases cases;
  private final ShieldingService shieldings;
  private final RevocationService revocations;

  PortalController(PortalService portal, RepairService repairs, DisputeService disputes, Deadlines deadlines,
      Cases cases, ShieldingService shieldings, RevocationService revocations) {
    this.cases = cases;
    this.shieldings = shieldings;
    this.revocations = revocations;
    this.portal = portal;
    this.repairs = repairs;
    this.disputes = disputes;
    this.deadlines = deadlines;
  }

  @GetMapping("/portal")
  String overview(Principal principal, Model model) {
    PortalService.Overview overview = portal.overview(principal.getName());
    model.addAttribute("overview", overview);
    model.addAttribute("shieldings", shieldings.ofEntity(overview.applicant().getEntity().getId()));
    model.addAttribute("revocations", revocations.ofEntity(overview.applicant().getEntity().getId()));
    return "portal/index";
  }

  /** Where the mails link to: the case by its reference, whichever kind it is. */
  @GetMapping("/portal/cases/{caseRef}")
  String caseByRef(@PathVariable String caseRef, Principal principal) {
    CaseParty party = cases.partyOf(caseRef).filter(p -> portal.actsFor(principal.getName(), p.entityId()))
        .orElseThrow(() -> ApiProblem.notFound("case.none", caseRef)); // another entity's: as if there were none
    return "redirect:/portal/" + party.kind().pagePath() + "/" + party.caseId();
  }

  @GetMapping("/portal/records/{id}/repair")
  String repairForm(@PathVariable Long id, Principal principal, Model model) {
    return repairPage(id, principal.getName(), null, List.of(), model);
  }

  @PostMapping("/portal/records/{id}/repair")
  String fileRepair(@PathVariable Long id, @Valid RepairForm form, BindingResult binding,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam MultiValueMap<String, MultipartFile> uploads, Principal principal, Model model,
      HttpServletResponse response) {
    String proof = form.proof();
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return repairPage(id, principal.getName(), proof, portal.withFileProblems(Validity.problems(binding), files), model);
    }
    try {
      RepairRequest request = portal.fileRepair(principal.getName(), id, proof, files, uploads);
      return "redirect:/portal/repairs/" + request.getId() + "/commitment";
    } catch (ApiProblem problem) {
      return refused(problem, response, () -> repairPage(id, principal.getName(), proof, problem.errors(), model));
    }
  }

  @GetMapping("/portal/repairs/{id}/commitment")
  String repairCommitment(@PathVariable Long id, Principal principal, Model model) {
    return commitmentPage(CaseKind.REPAIR, id, principal.getName(), null, List.of(), model);
  }

  @PostMapping("/portal/repairs/{id}/commitment")
  String signRepair(@PathVariable Long id, @Valid CommitmentService.Signature form, BindingResult binding,
      Principal principal, Model model, HttpServletResponse response, RedirectAttributes flash) {
    return sign(CaseKind.REPAIR, id, form, binding, principal.getName(), model, response, flash,
        () -> repairs.sign(id, principal.getName(), form.signatoryName(), form.accepted()));
  }

  @GetMapping("/portal/repairs/{id}")
  String repairCase(@PathVariable Long id, Principal principal, Model model) {
    return casePage(CaseKind.REPAIR, id, principal.getName(), model);
  }

  @PostMapping("/portal/repairs/{id}/supplement")
  String supplement(@PathVariable Long id, @RequestParam(required = false) String supplementAnswer,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    String caseRef = repairs.get(id, principal.getName()).getCaseRef();
    try {
      portal.answerSupplement(principal.getName(), caseRef, supplementAnswer, files);
    } catch (ApiProblem problem) {
      model.addAttribute("supplementAnswer", supplementAnswer);
      model.addAttribute("errors", problem.errors());
      return refused(problem, response, () -> casePage(CaseKind.REPAIR, id, principal.getName(), model));
    }
    flash.addFlashAttribute("notice", "portal.supplementSent");
    return "redirect:/portal/repairs/" + id;
  }

  @PostMapping("/portal/repairs/{id}/withdraw")
  String withdraw(@PathVariable Long id, Principal principal, RedirectAttributes flash) {
    repairs.withdraw(id, principal.getName());
    flash.addFlashAttribute("notice", "portal.withdrawn");
    return "redirect:/portal/repairs/" + id;
  }

  @GetMapping("/portal/records/{id}/dispute")
  String disputeForm(@PathVariable Long id, Principal principal, Model model) {
    return disputePage(id, principal.getName(), null, null, null, List.of(), model);
  }

  @PostMapping("/portal/records/{id}/dispute")
  String fileDispute(@PathVariable Long id, @Valid DisputeForm form, BindingResult binding,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal, Model model,
      HttpServletResponse response) {
    String ground = form.ground();
    String facts = form.facts();
    String proof = form.proof();
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return disputePage(id, principal.getName(), ground, facts, proof,
          portal.withFileProblems(Validity.problems(binding), files), model);
    }
    try {
      Dispute dispute = portal.fileDispute(principal.getName(), id, ground, facts, proof, files);
      return "redirect:/portal/disputes/" + dispute.getId() + "/commitment";
    } catch (ApiProblem problem) {
      return refused(problem, response,
          () -> disputePage(id, principal.getName(), ground, facts, proof, problem.errors(), model));
    }
  }

  @GetMapping("/portal/disputes/{id}/commitment")
  String disputeCommitment(@PathVariable Long id, Principal principal, Model model) {
    return commitmentPage(CaseKind.DISPUTE, id, principal.getName(), null, List.of(), model);
  }

  @PostMapping("/portal/disputes/{id}/commitment")
  String signDispute(@PathVariable Long id, @Valid CommitmentService.Signature form, BindingResult binding,
      Principal principal, Model model, HttpServletResponse response, RedirectAttributes flash) {
    return sign(CaseKind.DISPUTE, id, form, binding, principal.getName(), model, response, flash,
        () -> disputes.sign(id, principal.getName(), form.signatoryName(), form.accepted()));
  }

  @GetMapping("/portal/disputes/{id}")
  String disputeCase(@PathVariable Long id, Principal principal, Model model) {
    return casePage(CaseKind.DISPUTE, id, principal.getName(), model);
  }

  @GetMapping("/portal/records/{id}/shielding")
  String shieldingForm(@PathVariable Long id, Principal principal, Model model) {
    return shieldingPage(id, principal.getName(), new ShieldingService.Filing(id, null, null, null, null), List.of(),
        model);
  }

  /** Bankruptcy shielding (令 36 art. 20): the court's documents are required; the service checks all at once. */
  @PostMapping("/portal/records/{id}/shielding")
  String fileShielding(@PathVariable Long id, ShieldingForm form,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal, Model model,
      HttpServletResponse response) {
    ShieldingService.Filing filing = new ShieldingService.Filing(id, form.procedure(), form.court(),
        form.courtCaseNumber(), form.statement());
    try {
      Shielding shielding = shieldings.file(principal.getName(), filing, files);
      return "redirect:/portal/shieldings/" + shielding.getId();
    } catch (ApiProblem problem) {
      return refused(problem, response, () -> shieldingPage(id, principal.getName(), filing, problem.errors(), model));
    }
  }

  @GetMapping("/portal/shieldings/{id}")
  String shieldingCase(@PathVariable Long id, Principal principal, Model model) {
    return casePage(CaseKind.SHIELDING, id, principal.getName(), model);
  }

  @GetMapping("/portal/records/{id}/revocation")
  String revocationForm(@PathVariable Long id, Principal principal, Model model) {
    return revocationPage(id, principal.getName(), new RevocationService.Report(id, null, null, null, null, null),
        List.of(), model);
  }

  /**
   * The decision behind the record was revoked or changed (令 36 art. 19): reported with the revoking
   * document; the record's department acts within its limit from that document's date.
   */
  @PostMapping("/portal/records/{id}/revocation")
  String fileRevocation(@PathVariable Long id, RevocationForm form,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal, Model model,
      HttpServletResponse response) {
    RevocationService.Report report = new RevocationService.Report(id, form.changeKind(), form.authority(),
        form.document(), form.documentDate(), form.statement());
    try {
      Revocation revocation = revocations.report(principal.getName(), report, files);
      return "redirect:/portal/revocations/" + revocation.getId();
    } catch (ApiProblem problem) {
      return refused(problem, response, () -> revocationPage(id, principal.getName(), report, problem.errors(), model));
    }
  }

  @GetMapping("/portal/revocations/{id}")
  String revocationCase(@PathVariable Long id, Principal principal, Model model) {
    return casePage(CaseKind.REVOCATION, id, principal.getName(), model);
  }

  private String revocationPage(Long recordId, String username, RevocationService.Report report,
      List<FieldProblem> errors, Model model) {
    model.addAttribute("record", portal.ownRecord(username, recordId));
    model.addAttribute("changeKinds", ChangeKind.values());
    model.addAttribute("report", report);
    model.addAttribute("errors", errors);
    return "portal/revocation-form";
  }

  private String shieldingPage(Long recordId, String username, ShieldingService.Filing filing, List<FieldProblem> errors,
      Model model) {
    model.addAttribute("record", portal.ownRecord(username, recordId));
    model.addAttribute("procedures", ShieldingProcedure.values());
    model.addAttribute("filing", filing);
    model.addAttribute("errors", errors);
    return "portal/shielding-form";
  }

  private String sign(CaseKind kind, Long id, CommitmentService.Signature form, BindingResult binding, String username,
      Model model, HttpServletResponse response, RedirectAttributes flash, Runnable signing) {
    String signatoryName = form.signatoryName();
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return commitmentPage(kind, id, username, signatoryName, Validity.problems(binding), model);
    }
    try {
      signing.run();
    } catch (ApiProblem problem) {
      return refused(problem, response,
          () -> commitmentPage(kind, id, username, signatoryName, problem.errors(), model));
    }
    flash.addFlashAttribute("notice", "portal.signed");
    return "redirect:/portal/" + kind.pagePath() + "/" + id;
  }

  private String repairPage(Long recordId, String username, String proof, List<FieldProblem> errors, Model model) {
    DishonestyRecord record = portal.ownRecord(username, recordId);
    model.addAttribute("record", record);
    model.addAttribute("eligibility", repairs.eligibility(record));
    model.addAttribute("requirement", repairs.requirementFor(record));
    model.addAttribute("proof", proof);
    model.addAttribute("errors", errors);
    return "portal/repair-form";
  }

  private String disputePage(Long recordId, String username, String ground, String facts, String proof,
      List<FieldProblem> errors, Model model) {
    model.addAttribute("record", portal.ownRecord(username, recordId));
    model.addAttribute("grounds", DisputeGround.values());
    model.addAttribute("ground", ground);
    model.addAttribute("facts", facts);
    model.addAttribute("proof", proof);
    model.addAttribute("errors", errors);
    return "portal/dispute-form";
  }

  private String commitmentPage(CaseKind kind, Long id, String username, String signatoryName, List<FieldProblem> errors,
      Model model) {
    PortalService.CommitmentPage page = portal.commitmentPage(kind, id, username);
    model.addAttribute("caseRef", page.caseRef());
    model.addAttribute("caseUrl", page.caseUrl());
    model.addAttribute("text", page.text());
    model.addAttribute("signed", page.signed());
    model.addAttribute("signatoryName", signatoryName);
    model.addAttribute("errors", errors);
    return "portal/commitment";
  }

  private String casePage(CaseKind kind, Long id, String username, Model model) {
    PortalService.CasePage page = portal.casePage(kind, id, username);
    model.addAttribute("caseRef", page.caseRef());
    model.addAttribute("caseUrl", page.caseUrl());
    model.addAttribute("letterUrl", page.letterUrl());
    model.addAttribute(page.kind().code(), page.kase());
    model.addAttribute("kase", page.kase());
    model.addAttribute("kind", page.kind().code());
    model.addAttribute("record", page.record());
    model.addAttribute("timeline", page.timeline());
    model.addAttribute("open", DatedWorkItem.of(page.open(), deadlines));
    model.addAttribute("awaitingSignature", page.awaitingSignature());
    model.addAttribute("awaitingSupplement", page.awaitingSupplement());
    model.addAttribute("attachments", page.attachments());
    model.addAttribute("signed", page.signed());
    return "portal/case";
  }

  /** The repair request's page form: what the applicant says it did (the files come beside it). */
  record RepairForm(
      @NotBlank(message = "{repair.proof.required}") @Size(max = 4000, message = "{repair.proof.required}") String proof) {}

  /** The dispute's page form; the rules are the filing's ({@link DisputeService.Filing}), less the record. */
  record DisputeForm(
      @OneOf(value = DisputeGround.class, message = "{dispute.ground.unknown}", missing = "{dispute.ground.required}")
      String ground,
      @NotBlank(message = "{dispute.facts.required}") @Size(max = 4000, message = "{dispute.facts.required}")
      String facts,
      @Size(max = 4000, message = "{valid.atMost}") String proof) {}

  /** The shielding request's page form; checked with its files by {@link ShieldingService#file}. */
  record ShieldingForm(String procedure, String court, String courtCaseNumber, String statement) {}

  /** The revocation report's page form; checked with its files by {@link RevocationService#report}. */
  record RevocationForm(String changeKind, String authority, String document, String documentDate, String statement) {}

  /** A 422 comes back to the same page with every message; anything else goes to the error page. */
  private static String refused(ApiProblem problem, HttpServletResponse response, Supplier<String> page) {
    problem.answeredOnThePage(response);
    return page.get();
  }
}
