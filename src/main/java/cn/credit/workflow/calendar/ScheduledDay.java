package cn.credit.workflow.calendar;

import java.time.LocalDate;

/** One announced day: off or working, with the holiday's name. */
public record ScheduledDay(LocalDate date, DayKind kind, String name) {}
