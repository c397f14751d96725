package cn.credit.workflow.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credit.rules.profile} (the profiles in force, each from its effective date) and
 * {@code credit.rules.profiles.*}: the rule profiles.
 */
@ConfigurationProperties("credit.rules")
record RuleProfilesProperties(List<String> profile, Map<String, Profile> profiles) {

  /**
   * One profile: what it changes of its base. {@code disputeVerifyFrom} is {@code forwarding} or
   * {@code receipt}; {@code materials} lists the extra materials by severity (lower-case name).
   */
  record Profile(String base, LocalDate effectiveFrom, Map<String, Integer> limits, Integer reminderBefore,
      Integer cityEscalationAfter, String disputeVerifyFrom, Map<String, List<String>> materials) {}
}
