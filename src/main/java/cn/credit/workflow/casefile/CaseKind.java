package cn.credit.workflow.casefile;

import cn.credit.workflow.process.ModelNames;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of case. A kind is its BPMN model (the process key), the prefix of its references
 * ("R-2026-000001") and its pages; the rest of the application asks the kind, never a prefix or a
 * string. A new kind of case adds a constant here, its model, its forms and its own steps.
 */
public enum CaseKind {
  REPAIR("repair", "R", ModelNames.Repair.PROCESS, "repairs", "/repair-requests/%d/letter"),
  DISPUTE("dispute", "D", ModelNames.Dispute.PROCESS, "disputes", "/disputes/%d/reply"),
  SHIELDING("shielding", "S", ModelNames.Shielding.PROCESS, "shieldings", "/shieldings/%d/letter"),
  /** a report of a revoked or changed decision: no letter, the record withdrawn or amended is the answer */
  REVOCATION("revocation", "C", ModelNames.Revocation.PROCESS, "revocations", "/portal/revocations/%d");

  private final String code;
  private final String referencePrefix;
  private final String processKey;
  private final String pagePath;
  private final String letterPath;

  CaseKind(String code, String referencePrefix, String processKey, String pagePath, String letterPath) {
    this.code = code;
    this.referencePrefix = referencePrefix;
    this.processKey = processKey;
    this.pagePath = pagePath;
    this.letterPath = letterPath;
  }

  /** The kind of the case with this reference, if it is a case's reference at all. */
  public static Optional<CaseKind> ofReference(String caseRef) {
    return caseRef == null ? Optional.empty()
        : Arrays.stream(values()).filter(kind -> caseRef.startsWith(kind.referencePrefix + "-")).findFirst();
  }

  public boolean owns(String caseRef) {
    return ofReference(caseRef).orElse(null) == this;
  }

  /** A new case's reference: prefix, year, number ("R-2026-000123"). */
  public String reference(int year, long number) {
    return String.format("%s-%d-%06d", referencePrefix, year, number);
  }

  /** How the API names the kind ("repair", "dispute"). */
  @JsonValue
  public String code() {
    return code;
  }

  public String processKey() {
    return processKey;
  }

  /** The path segment of the kind's pages: /portal/repairs/{id}, /portal/disputes/{id}. */
  public String pagePath() {
    return pagePath;
  }

  /** The printable letter of a case of this kind: /repair-requests/7/letter. */
  public String letterPath(Long caseId) {
    return String.format(letterPath, caseId);
  }
}
