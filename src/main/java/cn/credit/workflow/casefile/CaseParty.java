package cn.credit.workflow.casefile;

/** Who a case is about and who works it: what task lists and access checks need without loading the case. */
public record CaseParty(CaseKind kind, Long caseId, String caseRef, Long entityId, String entityName, String uscc,
    String applicant, String departmentCode, Long recordId) {}
