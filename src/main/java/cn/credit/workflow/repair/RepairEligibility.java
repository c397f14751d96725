package cn.credit.workflow.repair;

import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.text.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a record may be repaired today, with every reason it may not and, where waiting helps,
 * the first day it may. Engine-free: the decision table's answer comes in as a requirement.
 */
public final class RepairEligibility {

  private RepairEligibility() {}

  public record Result(List<Text> reasons, LocalDate earliestRepairDate) {
    public boolean eligible() {
      return reasons.isEmpty();
    }
  }

  static Result check(DishonestyRecord record, LocalDate today, boolean openRequestExists, RepairRequirement rules) {
    List<Text> reasons = new ArrayList<>();
    LocalDate earliest = null;
    if (!record.getState().isOnPublicList()) {
      reasons.add(switch (record.getState()) {
        case STOPPED -> Text.of("repair.eligibility.stopped");
        case EXPIRED -> Text.of("repair.eligibility.expired");
        case NOT_PUBLISHED -> Text.of("repair.eligibility.notPublished");
        // off the public pages while the court's plan runs: nothing to stop publishing until it returns
        case SHIELDED -> Text.of("repair.eligibility.shielded");
        default -> Text.of("repair.eligibility.withdrawn");
      });
    }
    if (!rules.repairable()) {
      // the decision table names its refusal by a code; the bundles word it (repair.refusal.<code>)
      reasons.add(rules.refusal() == null || rules.refusal().isBlank()
          ? Text.of("repair.eligibility.notRepairable") : Text.of("repair.refusal." + rules.refusal()));
    }
    if (record.isNeverRepairable()) {
      // marked at intake (seed 003 §十五): a market or industry ban, or a law that excludes repair
      reasons.add(Text.of("repair.eligibility.neverRepairable"));
    }
    if (today.isBefore(record.getEarliestRepairDate()) && record.getState() != PublicationState.EXPIRED) {
      earliest = record.getEarliestRepairDate();
      reasons.add(Text.of("repair.eligibility.tooEarly", earliest));
    }
    if (record.isBarredOn(today)) {
      earliest = record.repairPossibleFrom();
      reasons.add(Text.of("repair.eligibility.barred", record.getRepairBarredUntil()));
    }
    if (openRequestExists) {
      reasons.add(Text.of("repair.eligibility.open"));
    }
    return new Result(reasons, reasons.isEmpty() ? null : earliest);
  }
}
