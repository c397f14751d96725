package cn.credit.workflow.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a department's intake adds to the facts of a record (seed 003 §二): the penalty types, the
 * amount, the legal basis, the severity the table gave when the department classified otherwise
 * (with its reason), whether the record may never be repaired (seed 003 §十五: market and industry
 * bans), the day it was registered and whether that was late (seed 003 §二: within 7 working days).
 */
public record IntakeDetails(
    Set<PenaltyType> penaltyTypes,
    BigDecimal amount,
    String legalBasis,
    Severity tableSeverity,
    String classificationReason,
    boolean neverRepairable,
    LocalDate registeredOn,
    boolean registeredLate) {

  public IntakeDetails {
    penaltyTypes = penaltyTypes == null ? Set.of() : Set.copyOf(penaltyTypes);
  }
}
