package cn.credit.workflow.deadline;

import cn.credit.workflow.process.TaskRef;

/**
 * A moment of a task's time limit: the task arrived, its reminder is due, it is overdue, it goes
 * to the city. Published in the engine's transaction; whoever escalates listens (the leaders'
 * oversight), so the deadline watch knows nothing about who is told.
 */
public record DeadlineEvent(Moment moment, TaskRef task) {

  public enum Moment {
    TASK_ARRIVED,
    REMINDER_DUE,
    OVERDUE,
    CITY_ESCALATION_DUE
  }
}
