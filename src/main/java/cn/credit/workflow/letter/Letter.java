package cn.credit.workflow.letter;

import java.time.Instant;

/**
 * A decision letter (决定书) or a dispute reply as anyone holding its verification code may check it:
 * who issued it, to which entity, about which record, with what outcome and when, and under which
 * rules ({@code rulesZh}, {@code rulesEn}: the case's rule profile, added by {@link CaseLetters}).
 */
public record Letter(String code, String titleZh, String titleEn, String introZh, String caseRef, String entityName, String uscc,
    String departmentZh, String departmentEn, String recordTitle, String decisionNumber, String outcomeZh,
    String outcomeEn, String reasons, Instant issuedAt, String rulesZh, String rulesEn) {

  /** A letter whose rules are not known yet: each kind gathers its facts, the base adds the rules. */
  public Letter(String code, String titleZh, String titleEn, String introZh, String caseRef, String entityName,
      String uscc, String departmentZh, String departmentEn, String recordTitle, String decisionNumber,
      String outcomeZh, String outcomeEn, String reasons, Instant issuedAt) {
    this(code, titleZh, titleEn, introZh, caseRef, entityName, uscc, departmentZh, departmentEn, recordTitle,
        decisionNumber, outcomeZh, outcomeEn, reasons, issuedAt, null, null);
  }

  Letter under(String zh, String en) {
    return new Letter(code, titleZh, titleEn, introZh, caseRef, entityName, uscc, departmentZh, departmentEn,
        recordTitle, decisionNumber, outcomeZh, outcomeEn, reasons, issuedAt, zh, en);
  }
}
