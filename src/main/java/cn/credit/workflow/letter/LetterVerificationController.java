package cn.credit.workflow.letter;

import cn.credit.workflow.publicsite.PublicMasking;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Anyone holding a letter can check it: the code printed on it brings up what was decided, its
 * texts masked as on the public pages (a code may be read off a letter by anyone who saw it).
 */
@Controller
class LetterVerificationController {

  private final List<LetterSource> sources;
  private final PublicMasking masking;

  LetterVerificationController(List<LetterSource> sources, PublicMasking masking) {
    this.sources = sources;
    this.masking = masking;
  }

  @GetMapping("/public/verify")
  String verify(@RequestParam(required = false) String code, Model model) {
    if (code != null && !code.isBlank()) {
      String normalized = LetterCodes.normalize(code);
      Optional<Letter> letter = sources.stream().map(source -> source.byCode(normalized))
          .flatMap(Optional::stream).findFirst();
      model.addAttribute("code", normalized);
      model.addAttribute("letter", letter.map(this::masked).orElse(null));
      model.addAttribute("checked", true);
    }
    return "public/verify";
  }

  private Letter masked(Letter l) {
    PublicMasking.Texts texts = masking.of(l.uscc());
    return new Letter(l.code(), l.titleZh(), l.titleEn(), texts.text(l.introZh()), l.caseRef(),
        texts.text(l.entityName()), l.uscc(), l.departmentZh(), l.departmentEn(), texts.text(l.recordTitle()),
        l.decisionNumber(), texts.text(l.outcomeZh()), texts.text(l.outcomeEn()), texts.text(l.reasons()),
        l.issuedAt(), l.rulesZh(), l.rulesEn());
  }
}
