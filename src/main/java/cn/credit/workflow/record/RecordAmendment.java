package cn.credit.workflow.record;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A department's amendment of its own record (a changed decision, 令 36 art. 19): the corrected
 * fields, the intake's own and the severity; null leaves a field as it is. The revoking or changing
 * document is the reason kept in the history.
 */
public record RecordAmendment(RecordCorrection correction, Set<PenaltyType> penaltyTypes, BigDecimal amount,
    String legalBasis, Severity severity, String document) {}
