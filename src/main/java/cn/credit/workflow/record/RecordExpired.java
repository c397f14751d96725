package cn.credit.workflow.record;

/**
 * A record reached its maximum publication period and stopped being published by itself: published
 * in the transaction of the change, so that an open repair request about it ends with it.
 */
public record RecordExpired(Long recordId) {}
