package cn.credit.workflow.publicsite;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public credit pages (no login): find an entity, see what is published about it, what stopped
 * being published and when, and the commitments it signed, all masked ({@link PublicPages}).
 */
@Controller
class PublicController {

  private final PublicPages pages;
  private final boolean hideDisputedContent;

  PublicController(PublicPages pages,
      @Value("${credit.disputes.hide-content-while-disputed:false}") boolean hideDisputedContent) {
    this.pages = pages;
    this.hideDisputedContent = hideDisputedContent;
  }

  @GetMapping("/public")
  String search(@RequestParam(required = false) String q, Model model) {
    if (q != null && !q.isBlank()) {
      PublicPages.Found found = pages.search(q.strip());
      if (found.onlyUscc() != null) {
        return "redirect:/public/entities/" + found.onlyUscc();
      }
      model.addAttribute("q", q.strip());
      model.addAttribute("found", found.entities());
    }
    return "public/index";
  }

  @GetMapping("/public/entities/{uscc}")
  String entity(@PathVariable String uscc, Model model) {
    PublicPages.EntityPage page = pages.entity(uscc);
    model.addAttribute("entity", page.entity());
    model.addAttribute("hideDisputedContent", hideDisputedContent);
    model.addAttribute("representative", page.representative());
    model.addAttribute("published", page.published());
    model.addAttribute("stopped", page.stopped());
    model.addAttribute("commitments", page.commitments());
    return "public/entity";
  }
}
