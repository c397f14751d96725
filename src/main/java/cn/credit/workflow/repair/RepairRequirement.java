package cn.credit.workflow.repair;

import java.util.List;

/** What repair-rules.dmn says of a record: repairable at all, extra materials, leader's sign-off. */
public record RepairRequirement(boolean repairable, boolean leaderSignOff, List<String> extraMaterials, String refusal) {}
