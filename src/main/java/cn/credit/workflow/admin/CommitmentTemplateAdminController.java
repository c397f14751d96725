package cn.credit.workflow.admin;

import cn.credit.workflow.commitment.CommitmentPurpose;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.commitment.CommitmentTemplate;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.record.Severity;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Commitment templates: every version stays (a request signs the version in force when it was filed);
 * publishing writes the next version for a severity and, optionally, one department.
 */
@Controller
class CommitmentTemplateAdminController {

  static final int MAX_BODY = 20_000;

  private final CommitmentService commitments;
  private final Departments departments;

  CommitmentTemplateAdminController(CommitmentService commitments, Departments departments) {
    this.commitments = commitments;
    this.departments = departments;
  }

  @GetMapping("/admin/commitment-templates")
  String list(Model model) {
    model.addAttribute("templates", commitments.allTemplates());
    model.addAttribute("severities", Severity.values());
    model.addAttribute("purposes", CommitmentPurpose.values());
    model.addAttribute("departments", departments.findAllByOrderBySortOrder());
    return "admin/commitment-templates";
  }

  @PostMapping("/admin/commitment-templates")
  String publish(@RequestParam(defaultValue = "REPAIR") CommitmentPurpose purpose,
      @RequestParam(required = false) Severity severity,
      @RequestParam(defaultValue = "") String departmentCode, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body, Principal principal, Model model, RedirectAttributes redirect) {
    List<String> errors = new ArrayList<>();
    if (severity == null) {
      errors.add("severity");
    }
    if (!departmentCode.isBlank() && !departments.existsById(departmentCode)) {
      errors.add("department");
    }
    if (title.isBlank() || title.length() > 200) {
      errors.add("title");
    }
    if (body.isBlank() || body.length() > MAX_BODY) {
      errors.add("body");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
      model.addAttribute("purpose", purpose);
      model.addAttribute("severity", severity);
      model.addAttribute("departmentCode", departmentCode);
      model.addAttribute("title", title);
      model.addAttribute("body", body);
      return list(model);
    }
    CommitmentTemplate published = commitments.publish(purpose, severity, departmentCode.isBlank() ? null : departmentCode,
        title.strip(), body.strip(), principal.getName());
    redirect.addFlashAttribute("published", published.getVersion());
    return "redirect:/admin/commitment-templates";
  }
}
