package cn.credit.workflow.repair;

import cn.credit.workflow.system.ApiProblem;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The printable decision letter, for the applicant and the staff who may see the case. */
@Controller
class RepairLetterController {

  private final RepairService repairs;

  RepairLetterController(RepairService repairs) {
    this.repairs = repairs;
  }

  @GetMapping("/repair-requests/{id}/letter")
  @Transactional(readOnly = true)
  String letter(@PathVariable Long id, Principal principal, Model model) {
    RepairRequest request = repairs.get(id, principal.getName());
    if (request.getLetterCode() == null) {
      throw ApiProblem.notFound("repair request " + id + " has no decision letter yet");
    }
    model.addAttribute("letter", RepairLetters.of(request));
    return "letter/print";
  }
}
