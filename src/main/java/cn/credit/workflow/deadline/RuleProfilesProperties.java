package cn.credit.workflow.deadline;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code credit.rules.profile} and {@code credit.rules.profiles.*}: the time-limit rule profiles. */
@ConfigurationProperties("credit.rules")
record RuleProfilesProperties(String profile, Map<String, Profile> profiles) {

  record Profile(String base, Map<String, Integer> limits, Integer reminderBefore, Integer cityEscalationAfter) {}
}
