package cn.credit.workflow.admin;

import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.user.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
  String addUser(DirectoryService.NewUser form, Model model, HttpServletResponse response, RedirectAttributes flash) {
    try {
      directory.addUser(form);
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      return usersPage(new DirectoryService.NewUser(form.username(), form.displayName(), form.email(), null,
          form.role(), form.departmentCode(), form.uscc()), problem.errors(), model);
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

  @GetMapping("/admin/departments")
  String departments(Model model) {
    return departmentsPage(new DirectoryService.NewDepartment(null, null, null, null), List.of(), model);
  }

  @PostMapping("/admin/departments")
  String addDepartment(DirectoryService.NewDepartment form, Model model, HttpServletResponse response,
      RedirectAttributes flash) {
    try {
      directory.addDepartment(form);
    } catch (ApiProblem problem) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return departmentsPage(form, problem.errors(), model);
    }
    flash.addFlashAttribute("notice", "admin.departments.added");
    return "redirect:/admin/departments";
  }

  private String usersPage(DirectoryService.NewUser form, List<String> errors, Model model) {
    model.addAttribute("users", directory.users());
    model.addAttribute("departments", directory.departments());
    model.addAttribute("roles", Role.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "admin/users";
  }

  private String departmentsPage(DirectoryService.NewDepartment form, List<String> errors, Model model) {
    model.addAttribute("departments", directory.departments());
    model.addAttribute("kinds", DepartmentKind.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "admin/departments";
  }
}
