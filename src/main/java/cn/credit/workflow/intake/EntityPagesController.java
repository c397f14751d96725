package cn.credit.workflow.intake;

import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit office's pages for market entities: the latest registered, a form to register, one to
 * change. The service checks each form whole (field and cross-field rules), so the page shows every problem.
 */
@Controller
class EntityPagesController {

  private final EntityRegistration registration;

  EntityPagesController(EntityRegistration registration) {
    this.registration = registration;
  }

  @GetMapping("/entities")
  String list(Model model, Principal principal) {
    return listPage(EntityRegistration.EntityForm.empty(), List.of(), model, principal);
  }

  @PostMapping("/entities")
  String register(EntityRegistration.EntityForm form, Model model, Principal principal, HttpServletResponse response,
      RedirectAttributes flash) {
    try {
      registration.register(form, principal.getName());
    } catch (ApiProblem problem) {
      if (problem.errors().isEmpty()) {
        throw problem;
      }
      response.setStatus(problem.status().value());
      return listPage(form, problem.errors(), model, principal);
    }
    flash.addFlashAttribute("notice", "entity.registeredNotice");
    return "redirect:/entities/" + Uscc.normalize(form.uscc());
  }

  @GetMapping("/entities/{uscc}")
  String one(@PathVariable String uscc, Model model, Principal principal) {
    return onePage(uscc, EntityRegistration.EntityForm.of(registration.find(uscc, principal.getName())), List.of(),
        model);
  }

  @PostMapping("/entities/{uscc}")
  String update(@PathVariable String uscc, EntityRegistration.EntityForm form, Model model, Principal principal, HttpServletResponse response, RedirectAttributes flash) {
    try {
      registration.update(uscc, form, principal.getName());
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      return onePage(uscc, form, problem.errors(), model);
    }
    flash.addFlashAttribute("notice", "entity.changedNotice");
    return "redirect:/entities/" + uscc;
  }

  private String listPage(EntityRegistration.EntityForm form, List<FieldProblem> errors, Model model,
      Principal principal) {
    model.addAttribute("entities", registration.latest(principal.getName()));
    model.addAttribute("kinds", EntityKind.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "intake/entities";
  }

  private String onePage(String uscc, EntityRegistration.EntityForm form, List<FieldProblem> errors, Model model) {
    model.addAttribute("uscc", uscc);
    model.addAttribute("kinds", EntityKind.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "intake/entity";
  }
}
