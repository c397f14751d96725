package cn.credit.workflow.record;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.entity.MarketEntity;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a department states when it publishes a record. A minor record is in principle not published
 * (令 36 art. 12): only when the department marks it necessary, with its reason.
 */
public record RecordFacts(
    MarketEntity entity,
    Department department,
    RecordType type,
    Severity severity,
    String decisionNumber,
    String title,
    String content,
    LocalDate decisionDate,
    LocalDate termEndDate,
    Set<Department> jointPunishmentMembers,
    boolean publicationNecessary,
    String publicationReason) {

  /** Facts without a mark of necessity: a minor record is then kept unpublished. */
  public RecordFacts(MarketEntity entity, Department department, RecordType type, Severity severity,
      String decisionNumber, String title, String content, LocalDate decisionDate, LocalDate termEndDate,
      Set<Department> jointPunishmentMembers) {
    this(entity, department, type, severity, decisionNumber, title, content, decisionDate, termEndDate,
        jointPunishmentMembers, false, null);
  }

  /** The same facts, marked necessary to publish with the department's reason. */
  public RecordFacts necessaryToPublish(String reason) {
    return new RecordFacts(entity, department, type, severity, decisionNumber, title, content, decisionDate,
        termEndDate, jointPunishmentMembers, true, reason);
  }

  /** Whether the record is published: every general or serious one, a minor one only when marked necessary. */
  public boolean published() {
    return severity != Severity.MINOR || publicationNecessary;
  }
}
