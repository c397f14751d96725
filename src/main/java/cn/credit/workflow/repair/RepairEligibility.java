package cn.credit.workflow.repair;

import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PublicationState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a record may be repaired today, with every reason it may not and, where waiting helps,
 * the first day it may. Engine-free: the decision table's answer comes in as a requirement.
 */
public final class RepairEligibility {

  private RepairEligibility() {}

  public record Result(List<String> reasons, LocalDate earliestRepairDate) {
    public boolean eligible() {
      return reasons.isEmpty();
    }
  }

  static Result check(DishonestyRecord record, LocalDate today, boolean openRequestExists, RepairRequirement rules) {
    List<String> reasons = new ArrayList<>();
    LocalDate earliest = null;
    if (!record.getState().isOnPublicList()) {
      reasons.add(switch (record.getState()) {
        case STOPPED -> "该信息已停止公示，无需修复 / this record is no longer published: it was repaired already";
        case EXPIRED -> "该信息公示期已满，已停止公示 / this record's publication has ended";
        default -> "该信息已撤销 / this record was withdrawn";
      });
    }
    if (!rules.repairable()) {
      reasons.add(rules.refusal() == null || rules.refusal().isBlank()
          ? "该类失信信息不可修复 / records of this kind cannot be repaired" : rules.refusal());
    }
    if (today.isBefore(record.getEarliestRepairDate()) && record.getState() != PublicationState.EXPIRED) {
      earliest = record.getEarliestRepairDate();
      reasons.add("最短公示期未满，最早可于" + earliest + "申请 / the minimum publication period has not passed;"
          + " you may apply from " + earliest);
    }
    if (record.isBarredOn(today)) {
      earliest = record.repairPossibleFrom();
      reasons.add("因违背信用承诺，" + record.getRepairBarredUntil() + "前不得申请修复 / after a broken commitment this"
          + " record may not be repaired before " + record.getRepairBarredUntil());
    }
    if (openRequestExists) {
      reasons.add("该信息已有正在办理的修复申请 / a repair request for this record is already open");
    }
    return new Result(reasons, reasons.isEmpty() ? null : earliest);
  }
}
