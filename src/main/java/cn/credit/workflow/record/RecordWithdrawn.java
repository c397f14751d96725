package cn.credit.workflow.record;

/**
 * A record was cancelled (撤销) after a dispute: published in the transaction of the cancellation
 * so that other cases about the record (an open repair request) end with it.
 */
public record RecordWithdrawn(Long recordId, String caseRef, String actor) {}
