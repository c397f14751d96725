package cn.credit.workflow.letter;

import cn.credit.workflow.casefile.CaseKind;
import java.security.Principal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The printable letter that ended a case (decision letter, dispute reply), for who may see the case. */
@Controller
class LetterController {

  private final List<LetterSource> sources;
  /** The check page as a full address: a printed letter has no site to be relative to. */
  private final String verifyUrl;

  LetterController(List<LetterSource> sources, @Value("${credit.site-url}") String siteUrl) {
    this.sources = sources;
    this.verifyUrl = siteUrl.replaceAll("/+$", "") + "/public/verify";
  }

  @GetMapping("/repair-requests/{id}/letter")
  String repairDecision(@PathVariable Long id, Principal principal, Model model) {
    return print(CaseKind.REPAIR, id, principal, model);
  }

  @GetMapping("/disputes/{id}/reply")
  String disputeReply(@PathVariable Long id, Principal principal, Model model) {
    return print(CaseKind.DISPUTE, id, principal, model);
  }

  @GetMapping("/shieldings/{id}/letter")
  String shieldingDecision(@PathVariable Long id, Principal principal, Model model) {
    return print(CaseKind.SHIELDING, id, principal, model);
  }

  private String print(CaseKind kind, Long id, Principal principal, Model model) {
    LetterSource source = sources.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    model.addAttribute("letter", source.issuedFor(id, principal.getName()));
    model.addAttribute("verifyUrl", verifyUrl);
    return "letter/print";
  }
}
