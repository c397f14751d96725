package cn.credit.workflow.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The rule profiles: each resolved over its base profiles, and which is in force on a day. The
 * profiles in force ({@code credit.rules.profile}, a list) are checked at start-up, so a profile that
 * misses a step stops the application with a message that names it. A case takes the profile in
 * force on the day it was received; the first of the list also covers days before its date.
 */
@Component
public class TimeLimits {

  private final Map<String, RuleProfilesProperties.Profile> defined;
  private final Map<String, RuleProfile> resolved = new ConcurrentHashMap<>();
  /** The profiles in force, earliest first. */
  private final List<RuleProfile> inForce;

  TimeLimits(RuleProfilesProperties properties) {
    this.defined = properties.profiles() == null ? Map.of() : properties.profiles();
    List<String> names = properties.profile() == null ? List.of() : properties.profile();
    if (names.isEmpty()) {
      throw new IllegalStateException("credit.rules.profile names no rule profile; defined are " + defined.keySet());
    }
    List<RuleProfile> profiles = new ArrayList<>(names.stream().map(String::strip).map(this::named).toList());
    profiles.sort(Comparator.comparing(p -> p.effectiveFrom() == null ? LocalDate.MIN : p.effectiveFrom()));
    this.inForce = List.copyOf(profiles);
  }

  /** The profile in force on {@code day}: the latest whose effective date has come, else the first. */
  public RuleProfile inForceOn(LocalDate day) {
    RuleProfile found = inForce.get(0);
    for (RuleProfile profile : inForce) {
      if (profile.effectiveFrom() == null || !profile.effectiveFrom().isAfter(day)) {
        found = profile;
      }
    }
    return found;
  }

  /** A profile by the name a case recorded; a case recorded under a profile no longer listed keeps it. */
  public RuleProfile named(String name) {
    return resolved.computeIfAbsent(name, this::resolve);
  }

  /** A case's profile: the one it recorded, or for a case from before, the one in force on its day of receipt. */
  public RuleProfile ofCase(String recorded, LocalDate received) {
    return recorded == null ? inForceOn(received) : named(recorded);
  }

  public List<RuleProfile> inForce() {
    return inForce;
  }

  private RuleProfile resolve(String name) {
    List<RuleProfilesProperties.Profile> chain = chain(name, defined);
    Collections.reverse(chain); // base first, the named profile last so that it wins
    Map<String, Integer> merged = new HashMap<>();
    Map<String, List<String>> materials = new LinkedHashMap<>();
    Integer reminder = null;
    Integer city = null;
    LocalDate effectiveFrom = null;
    String verifyFrom = null;
    for (RuleProfilesProperties.Profile p : chain) {
      if (p.limits() != null) {
        merged.putAll(p.limits());
      }
      if (p.materials() != null) {
        p.materials().forEach((severity, codes) -> materials.put(severity.toLowerCase(Locale.ROOT),
            codes.stream().map(String::strip).filter(c -> !c.isEmpty()).toList()));
      }
      reminder = p.reminderBefore() != null ? p.reminderBefore() : reminder;
      city = p.cityEscalationAfter() != null ? p.cityEscalationAfter() : city;
      effectiveFrom = p.effectiveFrom() != null ? p.effectiveFrom() : effectiveFrom;
      verifyFrom = p.disputeVerifyFrom() != null ? p.disputeVerifyFrom() : verifyFrom;
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
    Map<Step, Integer> limits = new EnumMap<>(Step.class);
    for (Step step : Step.values()) {
      Integer days = merged.get(step.key());
      if (days == null) {
        problems.add("credit.rules.profiles." + name + ".limits." + step.key() + " is not set");
      } else {
        limits.put(step, days);
      }
    }
    if (reminder == null || city == null) {
      problems.add("credit.rules.profiles." + name + ": reminder-before and city-escalation-after must be set");
    }
    RuleProfile.ClockStart start = RuleProfile.ClockStart.FORWARDING;
    if (verifyFrom != null) {
      try {
        start = RuleProfile.ClockStart.valueOf(verifyFrom.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("credit.rules.profiles." + name + ".dispute-verify-from must be forwarding or receipt, not " + verifyFrom);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Rule profile '" + name + "' is incomplete: " + String.join("; ", problems));
    }
    return new RuleProfile(name, effectiveFrom, Collections.unmodifiableMap(limits), reminder, city, start,
        Map.copyOf(materials));
  }

  private static List<RuleProfilesProperties.Profile> chain(String name,
      Map<String, RuleProfilesProperties.Profile> profiles) {
    List<RuleProfilesProperties.Profile> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String current = name; current != null; ) {
      if (!seen.add(current)) {
        throw new IllegalStateException("Rule profiles form a loop through '" + current + "'");
      }
      RuleProfilesProperties.Profile profile = profiles.get(current);
      if (profile == null) {
        throw new IllegalStateException("Rule profile '" + current + "' is not defined; defined are "
            + profiles.keySet() + " (credit.rules.profile)");
      }
      chain.add(profile);
      current = profile.base();
    }
    return chain;
  }
}
