package cn.credit.workflow.letter;

import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.TimeLimits;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The rules a case was handled under, as its letters cite them: the title of the rule profile the
 * case recorded when received, and the day that profile came into force.
 */
@Component
public class RulesCited {

  private final TimeLimits limits;
  private final Clock clock;

  RulesCited(TimeLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  public RuleProfile profileOf(CaseRecord filed) {
    return limits.ofCase(filed.getRuleProfile(), LocalDate.ofInstant(filed.getReceivedAt(), clock.getZone()));
  }

  /** "办理依据：《…》，2026-04-01起施行。" — or the title alone for a profile without an effective date. */
  public Text of(CaseRecord filed) {
    RuleProfile profile = profileOf(filed);
    Text title = Text.of("rules.profile." + profile.name());
    return profile.effectiveFrom() == null ? Text.of("rules.cited", title)
        : Text.of("rules.inForce", title, profile.effectiveFrom());
  }
}
