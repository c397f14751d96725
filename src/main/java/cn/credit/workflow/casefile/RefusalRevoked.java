package cn.credit.workflow.casefile;

/**
 * A dispute against a refusal (令 36 art. 18) was upheld: the refused case {@code caseRef} is handled
 * again. Published by the dispute, taken by the kind of the refused case in the same transaction.
 */
public record RefusalRevoked(String caseRef, String byCaseRef, String actor) {}
