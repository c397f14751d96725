package cn.credit.workflow.admin;

import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.user.Role;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages for user accounts and departments. */
@Controller
class DirectoryController {

  private final DirectoryService directory;

  DirectoryController(DirectoryService directory) {
    this.directory = directory;
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    return usersPage(new DirectoryService.NewUser(null, null, null, null, null, null, null), List.of(), model);
  }

  @PostMapping("/admin/users")
  String addUser(@Valid DirectoryService.NewUser form, BindingResult binding, Model model, HttpServletResponse response,
      RedirectAttributes flash, Principal principal) {
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return usersPage(withoutPassword(form), Validity.problems(binding), model);
    }
    try {
      directory.addUser(form, principal.getName());
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      return usersPage(withoutPassword(form), problem.errors(), model);
    }
    flash.addFlashAttribute("notice", "admin.users.added");
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/enabled")
  String enable(@PathVariable String username, @RequestParam boolean enabled, Principal principal,
      RedirectAttributes flash) {
    directory.setEnabled(username, enabled, principal.getName());
    flash.addFlashAttribute("notice", enabled ? "admin.users.enabled" : "admin.users.disabled");
    return "redirect:/admin/users";
  }

  @GetMapping("/admin/users/{username}")
  String user(@PathVariable String username, Model model) {
    return userPage(username, DirectoryService.UserChange.of(directory.user(username)), List.of(), model);
  }

  @PostMapping("/admin/users/{username}")
  String changeUser(@PathVariable String username, @Valid DirectoryService.UserChange form, BindingResult binding,
      Principal principal, Model model, HttpServletResponse response, RedirectAttributes flash) {
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return userPage(username, form, Validity.problems(binding), model);
    }
    try {
      directory.changeUser(username, form, principal.getName());
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      return userPage(username, form, problem.errors(), model);
    }
    flash.addFlashAttribute("notice", "admin.users.changed");
    return "redirect:/admin/users/" + username;
  }

  /** The temporary password is shown once, on the page after the redirect, to the administrator only. */
  @PostMapping("/admin/users/{username}/password-reset")
  String resetPassword(@PathVariable String username, Principal principal, RedirectAttributes flash) {
    flash.addFlashAttribute("temporaryPassword", directory.resetPassword(username, principal.getName()));
    flash.addFlashAttribute("notice", "admin.users.reset");
    return "redirect:/admin/users/" + username;
  }

  @PostMapping("/admin/sign-in-locks")
  String unlock(@RequestParam String key, @RequestParam(defaultValue = "/admin/users") String back, Principal principal,
      RedirectAttributes flash) {
    directory.unlock(key, principal.getName());
    flash.addFlashAttribute("notice", "admin.users.unlocked");
    return "redirect:" + (back.startsWith("/admin/") ? back : "/admin/users");
  }

  @GetMapping("/admin/departments")
  String departments(Model model) {
    return departmentsPage(new DirectoryService.NewDepartment(null, null, null, null), List.of(), model);
  }

  @PostMapping("/admin/departments")
  String addDepartment(@Valid DirectoryService.NewDepartment form, BindingResult binding, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return departmentsPage(form, Validity.problems(binding), model);
    }
    try {
      directory.addDepartment(form);
    } catch (ApiProblem problem) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return departmentsPage(form, problem.errors(), model);
    }
    flash.addFlashAttribute("notice", "admin.departments.added");
    return "redirect:/admin/departments";
  }

  /** The form again as typed, but never the password. */
  private static DirectoryService.NewUser withoutPassword(DirectoryService.NewUser form) {
    return new DirectoryService.NewUser(form.username(), form.displayName(), form.email(), null, form.role(),
        form.departmentCode(), form.uscc());
  }

  private String usersPage(DirectoryService.NewUser form, List<FieldProblem> errors, Model model) {
    model.addAttribute("users", directory.users());
    model.addAttribute("throttled", directory.throttled());
    model.addAttribute("departments", directory.departments());
    model.addAttribute("roles", Role.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "admin/users";
  }

  private String userPage(String username, DirectoryService.UserChange form, List<FieldProblem> errors, Model model) {
    model.addAttribute("user", directory.user(username));
    model.addAttribute("lock", directory.throttled().stream()
        .filter(e -> e.isAccount() && e.subject().equals(username)).findFirst().orElse(null));
    model.addAttribute("departments", directory.departments());
    model.addAttribute("roles", Role.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "admin/user";
  }

  private String departmentsPage(DirectoryService.NewDepartment form, List<FieldProblem> errors, Model model) {
    model.addAttribute("departments", directory.departments());
    model.addAttribute("kinds", DepartmentKind.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "admin/departments";
  }
}
