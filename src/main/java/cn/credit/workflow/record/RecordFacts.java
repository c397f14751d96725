package cn.credit.workflow.record;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.entity.MarketEntity;
import java.time.LocalDate;
import java.util.Set;

/** What a department states when it publishes a record. */
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
    Set<Department> jointPunishmentMembers) {}
