package cn.credit.workflow.process;

import java.util.Date;

/**
 * An open task as the rest of the application speaks of it: which case, which department, whose,
 * due when. Built by {@link CaseTasks} from the engine.
 */
public record TaskRef(String taskId, String name, String processInstanceId, String caseRef, String departmentCode,
    String assignee, Date due) {}
