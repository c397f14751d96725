package cn.credit.workflow.deadline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The time limits in force: the chosen profile over its base profiles. Checked at start-up, so a
 * profile that misses a step stops the application with a message that names it.
 */
@Component
public class TimeLimits {

  private final String profile;
  private final Map<Step, Integer> limits = new EnumMap<>(Step.class);
  private final int reminderBefore;
  private final int cityEscalationAfter;

  TimeLimits(RuleProfilesProperties properties) {
    this.profile = properties.profile();
    Map<String, RuleProfilesProperties.Profile> profiles =
        properties.profiles() == null ? Map.of() : properties.profiles();
    List<RuleProfilesProperties.Profile> chain = chain(profile, profiles);
    Collections.reverse(chain); // base first, the chosen profile last so that it wins
    Map<String, Integer> merged = new HashMap<>();
    Integer reminder = null;
    Integer city = null;
    for (RuleProfilesProperties.Profile p : chain) {
      if (p.limits() != null) {
        merged.putAll(p.limits());
      }
      reminder = p.reminderBefore() != null ? p.reminderBefore() : reminder;
      city = p.cityEscalationAfter() != null ? p.cityEscalationAfter() : city;
    }
    List<String> problems = new ArrayList<>();
    merged.forEach((key, days) -> {
      try {
        Step.ofKey(key);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      if (days == null || days < 0) {
        problems.add(key + " must be zero or more working days");
      }
    });
    for (Step step : Step.values()) {
      Integer days = merged.get(step.key());
      if (days == null) {
        problems.add("credit.rules.profiles." + profile + ".limits." + step.key() + " is not set");
      } else {
        limits.put(step, days);
      }
    }
    if (reminder == null || city == null) {
      problems.add("credit.rules.profiles." + profile + ": reminder-before and city-escalation-after must be set");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Time-limit profile '" + profile + "' is incomplete: " + String.join("; ", problems));
    }
    this.reminderBefore = reminder;
    this.cityEscalationAfter = city;
  }

  private static List<RuleProfilesProperties.Profile> chain(String name,
      Map<String, RuleProfilesProperties.Profile> profiles) {
    List<RuleProfilesProperties.Profile> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String current = name; current != null; ) {
      if (!seen.add(current)) {
        throw new IllegalStateException("Time-limit profiles form a loop through '" + current + "'");
      }
      RuleProfilesProperties.Profile profile = profiles.get(current);
      if (profile == null) {
        throw new IllegalStateException("Time-limit profile '" + current + "' is not defined; defined are "
            + profiles.keySet() + " (credit.rules.profile)");
      }
      chain.add(profile);
      current = profile.base();
    }
    return chain;
  }

  public String profile() {
    return profile;
  }

  public int workingDays(Step step) {
    return limits.get(step);
  }

  public int reminderBefore() {
    return reminderBefore;
  }

  public int cityEscalationAfter() {
    return cityEscalationAfter;
  }
}
