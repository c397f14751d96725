package cn.credit.workflow.casefile;

/** A case as other cases and the task list refer to it. */
public record CaseSummary(String kind, Long id, String caseRef, String state, boolean open) {}
