package cn.credit.workflow.intake;

import cn.credit.workflow.record.PenaltyType;
import cn.credit.workflow.record.RecordCorrections;
import cn.credit.workflow.record.RecordHistoryEntry;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.Validity;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A department's pages for its own records: the latest, a form to register one, each record with
 * its history, the withdrawal of a revoked one and the amendment of a changed one. A date that is not a date is named by the
 * binding; everything else the service checks whole.
 */
@Controller
class RecordPagesController {

  private final RecordIntake intake;

  RecordPagesController(RecordIntake intake) {
    this.intake = intake;
  }

  @GetMapping("/records")
  String list(Model model, Principal principal) {
    return listPage(RecordIntake.RecordForm.empty(), List.of(), model, principal);
  }

  @PostMapping("/records")
  String register(@Valid RecordIntake.RecordForm form, BindingResult binding, Model model, Principal principal,
      HttpServletResponse response, RedirectAttributes flash) {
    if (binding.hasFieldErrors() && binding.getFieldErrors().stream().anyMatch(e -> e.isBindingFailure())) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return listPage(form, Validity.problems(binding), model, principal);
    }
    Long id;
    try {
      id = intake.register(form, principal.getName()).id();
    } catch (ApiProblem problem) {
      if (problem.errors().isEmpty()) {
        throw problem;
      }
      response.setStatus(problem.status().value());
      return listPage(form, problem.errors(), model, principal);
    }
    flash.addFlashAttribute("notice", "record.registeredNotice");
    return "redirect:/records/" + id;
  }

  @GetMapping("/records/{id}")
  String one(@PathVariable Long id, Model model, Principal principal) {
    return onePage(id, List.of(), List.of(), RecordIntake.AmendForm.empty(), emptyWithdrawal(), model, principal);
  }

  /** Withdrawal of a record whose decision was revoked, citing the revoking document, its date and a reason. */
  @PostMapping("/records/{id}/withdraw")
  String withdraw(@PathVariable Long id, @Valid @ModelAttribute("withdrawForm") RecordIntake.WithdrawForm form,
      BindingResult binding, Model model, Principal principal, HttpServletResponse response, RedirectAttributes flash) {
    intake.ownOnPage(id, principal.getName());
    if (binding.getFieldErrors().stream().anyMatch(e -> e.isBindingFailure())) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return onePage(id, List.of(), Validity.problems(binding), RecordIntake.AmendForm.empty(), form, model, principal);
    }
    try {
      intake.withdraw(id, form, principal.getName());
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      return onePage(id, List.of(), problem.errors(), RecordIntake.AmendForm.empty(), form, model, principal);
    }
    flash.addFlashAttribute("notice", "record.withdrawnNotice");
    return "redirect:/records/" + id;
  }

  /**
   * Amendment after the decision changed (令 36 art. 19): the changed fields, the changing document, its
   * date and a reason; the old values stay in the history shown on the record's page.
   */
  @PostMapping("/records/{id}/amend")
  String amend(@PathVariable Long id, @Valid @ModelAttribute("amendForm") RecordIntake.AmendForm form,
      BindingResult binding, Model model, Principal principal, HttpServletResponse response, RedirectAttributes flash) {
    intake.ownOnPage(id, principal.getName());
    if (binding.getFieldErrors().stream().anyMatch(e -> e.isBindingFailure())) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return onePage(id, Validity.problems(binding), List.of(), form, emptyWithdrawal(), model, principal);
    }
    try {
      intake.amend(id, form, principal.getName());
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      return onePage(id, problem.errors(), List.of(), form, emptyWithdrawal(), model, principal);
    }
    flash.addFlashAttribute("notice", "record.amendedNotice");
    return "redirect:/records/" + id;
  }

  private String listPage(RecordIntake.RecordForm form, List<FieldProblem> errors, Model model, Principal principal) {
    model.addAttribute("department", intake.departmentOf(principal.getName()));
    model.addAttribute("records", intake.latest(principal.getName()));
    model.addAttribute("types", List.of(RecordType.ADMINISTRATIVE_PENALTY, RecordType.SERIOUS_DISHONESTY_LIST,
        RecordType.ABNORMAL_OPERATION, RecordType.OTHER));
    model.addAttribute("penalties", PenaltyType.values());
    model.addAttribute("severities", Severity.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "intake/records";
  }

  private String onePage(Long id, List<FieldProblem> amendErrors, List<FieldProblem> withdrawErrors,
      RecordIntake.AmendForm amendForm,
      RecordIntake.WithdrawForm withdrawForm, Model model, Principal principal) {
    RecordView record = intake.ownOnPage(id, principal.getName());
    model.addAttribute("record", record);
    // each amendment's or correction's old and new values in words, by history line
    model.addAttribute("changes", record.history().stream().filter(h -> h.getChanges() != null)
        .collect(Collectors.toMap(RecordHistoryEntry::getId, h -> RecordCorrections.of(h.getChanges()))));
    model.addAttribute("penalties", PenaltyType.values());
    model.addAttribute("severities", Severity.values());
    model.addAttribute("amendForm", amendForm);
    model.addAttribute("withdrawForm", withdrawForm);
    model.addAttribute("amendErrors", amendErrors);
    model.addAttribute("withdrawErrors", withdrawErrors);
    return "intake/record";
  }

  private static RecordIntake.WithdrawForm emptyWithdrawal() {
    return new RecordIntake.WithdrawForm(null, null, null);
  }
}
