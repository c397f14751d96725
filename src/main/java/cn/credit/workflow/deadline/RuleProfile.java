package cn.credit.workflow.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rules a case is handled by: the profile in force on the day it was received, kept on the case
 * so that a change of law is a new profile, never an edit of a running case's clock.
 *
 * @param name the profile's name, recorded on the case ({@code national-2026})
 * @param effectiveFrom the first day cases take it; null for the first profile of the list
 * @param disputeVerifyFrom the day a dispute's verification limit counts from
 * @param materials extra materials a repair needs, by severity (lower-case), as material codes
 */
public record RuleProfile(String name, LocalDate effectiveFrom, Map<Step, Integer> limits, int reminderBefore,
    int cityEscalationAfter, ClockStart disputeVerifyFrom, Map<String, List<String>> materials) {

  /** Where a dispute's verification clock starts: national art. 18 from acceptance, Shandong art. 39 from receipt. */
  public enum ClockStart { FORWARDING, RECEIPT }

  public int workingDays(Step step) {
    return limits.get(step);
  }

  /** The extra materials of a repair of a record of this severity (none unless the profile names some). */
  public List<String> materialsFor(String severity) {
    return materials.getOrDefault(severity.toLowerCase(java.util.Locale.ROOT), List.of());
  }
}
