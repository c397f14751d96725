package cn.credit.workflow.intake;

import cn.credit.workflow.record.PenaltyType;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.Validity;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A department's pages for its own records: the latest, a form to register one, each record with
 * its history and the withdrawal of a revoked one. A date that is not a date is named by the
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
    return onePage(id, List.of(), model, principal);
  }

  @PostMapping("/records/{id}/withdraw")
  String withdraw(@PathVariable Long id, RecordIntake.WithdrawForm form, Model model, Principal principal,
      HttpServletResponse response, RedirectAttributes flash) {
    try {
      intake.withdraw(id, form, principal.getName());
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      return onePage(id, problem.errors(), model, principal);
    }
    flash.addFlashAttribute("notice", "record.withdrawnNotice");
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

  private String onePage(Long id, List<FieldProblem> errors, Model model, Principal principal) {
    model.addAttribute("record", intake.own(id, principal.getName()));
    model.addAttribute("errors", errors);
    return "intake/record";
  }
}
