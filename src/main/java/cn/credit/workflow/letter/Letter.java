package cn.credit.workflow.letter;

import java.time.Instant;

/**
 * A decision letter (决定书) or a dispute reply as anyone holding its verification code may check it:
 * who issued it, to which entity, about which record, with what outcome and when.
 */
public record Letter(String code, String titleZh, String titleEn, String introZh, String caseRef, String entityName, String uscc,
    String departmentZh, String departmentEn, String recordTitle, String decisionNumber, String outcomeZh,
    String outcomeEn, String reasons, Instant issuedAt) {}
