package cn.credit.workflow.user;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own account page: change the password (the first thing to do after a reset). */
@Controller
class AccountController {

  private final AccountService accounts;
  private final PasswordPolicy policy;

  AccountController(AccountService accounts, PasswordPolicy policy) {
    this.accounts = accounts;
    this.policy = policy;
  }

  @GetMapping("/account/password")
  String form(Principal principal, Model model) {
    return page(principal, List.of(), model);
  }

  @PostMapping("/account/password")
  String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String repeatPassword, Principal principal, HttpSession session, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    try {
      int version = accounts.changePassword(principal.getName(), currentPassword, newPassword, repeatPassword);
      session.setAttribute(AccountService.SESSION_VERSION, version); // this session goes on, the others end
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      return page(principal, problem.errors(), model);
    }
    flash.addFlashAttribute("notice", "account.password.changed");
    return "redirect:/home";
  }

  private String page(Principal principal, List<FieldProblem> errors, Model model) {
    model.addAttribute("errors", errors);
    model.addAttribute("mustChange", accounts.mustChangePassword(principal.getName()));
    model.addAttribute("minLength", policy.minLength());
    return "account/password";
  }
}
