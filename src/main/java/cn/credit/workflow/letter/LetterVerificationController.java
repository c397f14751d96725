package cn.credit.workflow.letter;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Anyone holding a letter can check it: the code printed on it brings up what was decided. */
@Controller
class LetterVerificationController {

  private final List<LetterSource> sources;

  LetterVerificationController(List<LetterSource> sources) {
    this.sources = sources;
  }

  @GetMapping("/public/verify")
  String verify(@RequestParam(required = false) String code, Model model) {
    if (code != null && !code.isBlank()) {
      String normalized = LetterCodes.normalize(code);
      Optional<Letter> letter = sources.stream().map(source -> source.byCode(normalized))
          .flatMap(Optional::stream).findFirst();
      model.addAttribute("code", normalized);
      model.addAttribute("letter", letter.orElse(null));
      model.addAttribute("checked", true);
    }
    return "public/verify";
  }
}
