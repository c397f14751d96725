package cn.credit.workflow.repair;

import java.util.List;

/**
 * What repair-rules.dmn says of a record (repairable at all, leader's sign-off) and the extra
 * materials its rule profile asks for; {@code profile} names that profile.
 */
public record RepairRequirement(boolean repairable, boolean leaderSignOff, List<String> extraMaterials, String refusal,
    String profile) {}
