package cn.credit.workflow.record;

import java.time.LocalDate;

/**
 * The decision that revoked or changed a record's decision (a court judgment, a reconsideration
 * decision, the department's own): its document number, its date (from which the department's
 * limit to withdraw or amend counts; null when not given) and the officer's reason, if any.
 */
public record RevokingDecision(String document, LocalDate date, String reason) {

  /** How the record's history cites it: the document, its date and the reason, in no language of their own. */
  String cited() {
    StringBuilder cited = new StringBuilder(document);
    if (date != null) {
      cited.append(' ').append(date);
    }
    if (reason != null && !reason.isBlank()) {
      cited.append(" — ").append(reason.strip());
    }
    return cited.toString();
  }
}
