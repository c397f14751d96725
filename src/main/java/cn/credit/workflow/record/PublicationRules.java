package cn.credit.workflow.record;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Minimum and maximum publication periods per severity (令 36 arts. 8–12), from configuration
 * ({@code credit.rules.publication.*}) because the law changes them, not the code.
 */
@ConfigurationProperties("credit.rules.publication")
public record PublicationRules(Map<Severity, Period> minimum, Map<Severity, Period> maximum) {

  public PublicationRules {
    minimum = complete("minimum", minimum);
    maximum = complete("maximum", maximum);
    for (Severity severity : Severity.values()) {
      if (longerThan(minimum.get(severity), maximum.get(severity))) {
        throw new IllegalArgumentException("credit.rules.publication: minimum." + severity.name().toLowerCase()
            + " is longer than maximum." + severity.name().toLowerCase());
      }
    }
  }

  public Period minimumFor(Severity severity) {
    return minimum.get(severity);
  }

  public Period maximumFor(Severity severity) {
    return maximum.get(severity);
  }

  private static Map<Severity, Period> complete(String name, Map<Severity, Period> periods) {
    for (Severity severity : Severity.values()) {
      if (periods == null || periods.get(severity) == null) {
        throw new IllegalArgumentException("credit.rules.publication." + name + "." + severity.name().toLowerCase()
            + " is not configured (an ISO period such as P3M)");
      }
    }
    return Map.copyOf(new EnumMap<>(periods));
  }

  private static boolean longerThan(Period a, Period b) {
    return a.toTotalMonths() * 31 + a.getDays() > b.toTotalMonths() * 31 + b.getDays();
  }
}
