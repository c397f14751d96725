package cn.credit.workflow.record;

/**
 * A department withdrew its record because the decision was revoked (令 36 art. 19): published in the
 * transaction of the withdrawal so that open cases about the record end with it; {@code caseRef} is the
 * case that asked for the withdrawal, if any (it ends by its own model).
 */
public record RecordRevoked(Long recordId, String revokingDocument, String actor, String caseRef) {}
