package cn.credit.workflow.dispute;

import cn.credit.workflow.system.ApiProblem;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The printable written reply, for the applicant and the staff who may see the dispute. */
@Controller
class DisputeLetterController {

  private final DisputeService disputes;

  DisputeLetterController(DisputeService disputes) {
    this.disputes = disputes;
  }

  @GetMapping("/disputes/{id}/reply")
  @Transactional(readOnly = true)
  String reply(@PathVariable Long id, Principal principal, Model model) {
    Dispute dispute = disputes.get(id, principal.getName());
    if (dispute.getLetterCode() == null) {
      throw ApiProblem.notFound("dispute " + id + " has no written reply yet");
    }
    model.addAttribute("letter", DisputeLetters.of(dispute));
    return "letter/print";
  }
}
