package cn.credit.workflow.letter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.credit.workflow.text.BundleTexts;
import cn.credit.workflow.text.Text;
import java.time.LocalDate;

/** Letters' tests without Spring: the rules cited as the national profile of 2026 reads. */
public final class CitedRules {

  private CitedRules() {}

  public static <L extends CaseLetters<?>> L national(L letters) {
    RulesCited rules = mock(RulesCited.class);
    when(rules.of(any())).thenReturn(
        Text.of("rules.inForce", Text.of("rules.profile.national-2026"), LocalDate.of(2026, 4, 1)));
    letters.citing(rules, BundleTexts.load());
    return letters;
  }
}
