package cn.credit.workflow.casefile;

/** A case as other cases and the task list refer to it. */
public record CaseSummary(CaseKind kind, Long id, String caseRef, String state, boolean open) {}
