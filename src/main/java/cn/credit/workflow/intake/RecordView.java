package cn.credit.workflow.intake;

import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.PenaltyType;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordHistoryEntry;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A department's record as its pages and the API show it, read whole inside the service's transaction. */
public record RecordView(Long id, String decisionNumber, String uscc, String entityName, String department,
    RecordType type, Set<PenaltyType> penaltyTypes, Severity severity, Severity tableSeverity,
    String classificationReason, String title, String content, LocalDate decisionDate, LocalDate termEndDate,
    BigDecimal amount, String legalBasis, PublicationState state, String publicationReason, boolean neverRepairable,
    LocalDate registeredOn, boolean registeredLate, LocalDate earliestRepairDate, LocalDate automaticEndDate, List<RecordHistoryEntry> history) {

  static RecordView of(DishonestyRecord r) {
    return new RecordView(r.getId(), r.getDecisionNumber(), r.getEntity().getUscc(), r.getEntity().getName(),
        r.getDepartment().getCode(), r.getType(), Set.copyOf(r.getPenaltyTypes()), r.getSeverity(),
        r.getTableSeverity(), r.getClassificationReason(), r.getTitle(), r.getContent(), r.getDecisionDate(),
        r.getTermEndDate(), r.getAmount(), r.getLegalBasis(), r.getState(), r.getPublicationReason(),
        r.isNeverRepairable(), r.getRegisteredOn(), r.isRegisteredLate(), r.getEarliestRepairDate(), r.getAutomaticEndDate(),
        List.copyOf(r.getHistory()));
  }
}
