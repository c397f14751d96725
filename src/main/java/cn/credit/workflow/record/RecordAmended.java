package cn.credit.workflow.record;

/**
 * A department amended its record after the decision changed (令 36 art. 19): published in the
 * transaction of the amendment so that the cases open on the record adapt and their applicants are
 * told. {@code leftPublicList}: the amendment took it off the public pages (now minor, not necessary
 * to publish); {@code caseRef}: the case that asked for it, if any.
 */
public record RecordAmended(Long recordId, Long revisionId, String document, String changes, boolean leftPublicList,
    String actor, String caseRef) {}
