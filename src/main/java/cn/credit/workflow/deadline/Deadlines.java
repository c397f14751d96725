package cn.credit.workflow.deadline;

import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.text.DueDay;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deadlines as the engine needs them: {@code Date}s computed on the working-day calendar, used in
 * BPMN expressions such as {@code camunda:dueDate="${deadlines.due(execution, 'accept')}"} and in timers,
 * under the rule profile the case was received with. A deadline ends at the end of its working day,
 * in the credit office's zone. Methods the models call are never overloaded with the same number of
 * arguments: the expression language picks a method by name and count.
 */
@Component("deadlines")
public class Deadlines {

  /** The process variable naming the rule profile a case was received under. */
  public static final String PROFILE_VARIABLE = "ruleProfile";

  private final WorkingDayCalendar calendar;
  private final TimeLimits limits;
  private final Clock clock;
  private final LocalTime reminderTime;

  Deadlines(WorkingDayCalendar calendar, TimeLimits limits, Clock clock,
      @Value("${credit.deadlines.reminder-time}") LocalTime reminderTime) {
    this.calendar = calendar;
    this.limits = limits;
    this.clock = clock;
    this.reminderTime = reminderTime;
  }

  /**
   * The rules of the case whose step is running: the profile it recorded when received (process
   * variable {@value #PROFILE_VARIABLE}), or for a case from before profiles were recorded the one in
   * force today.
   */
  public RuleProfile profileOf(VariableScope scope) {
    return profileNamed(scope == null ? null : scope.getVariable(PROFILE_VARIABLE));
  }

  /** The profile of that name; none named: today's. */
  public RuleProfile profileNamed(Object name) {
    return name == null ? current() : limits.named(name.toString());
  }

  /** The profile in force today: what a case received today takes. */
  public RuleProfile current() {
    return limits.inForceOn(calendar.today());
  }

  /** The end of the last working day of {@code stepKey}'s limit, counted from today (today not counted). */
  public Date due(VariableScope scope, String stepKey) {
    return dueFrom(calendar.today(), profileOf(scope), Step.ofKey(stepKey));
  }

  /** {@link #due(VariableScope, String)} under today's profile: the expression of models deployed before profiles were recorded. */
  public Date due(String stepKey) {
    return dueFrom(calendar.today(), current(), Step.ofKey(stepKey));
  }

  /** Under today's profile. */
  public Date dueFrom(LocalDate start, Step step) {
    return dueFrom(start, current(), step);
  }

  public Date dueFrom(LocalDate start, RuleProfile profile, Step step) {
    return endOf(calendar.plusWorkingDays(start, profile.workingDays(step)).date());
  }

  /** When a step's time is up: the start of the day after its deadline (for interrupting timers). */
  public Date expiry(VariableScope scope, String stepKey) {
    return overdueAt(due(scope, stepKey));
  }

  public Date expiry(String stepKey) {
    return overdueAt(due(stepKey));
  }

  /** A granted extension: the profile's extension limit added to the deadline in force. */
  public Date extended(Date currentDue) {
    return extended(current(), currentDue);
  }

  public Date extended(RuleProfile profile, Date currentDue) {
    return dueFrom(dayOf(currentDue), profile, Step.EXTENSION);
  }

  /**
   * A leader's sign-off on a decision, or on an extension of it: the profile's sign-off days from today, but never past the
   * decision's own deadline. Domain §3: the sign-off falls "inside the 7 working days of the
   * decision" (extended by an approved extension); a product choice may add a sign-off, never time.
   * The sign-off days only shorten it, so a grant on the last day is signed off that same day.
   */
  public Date signOffDue(VariableScope scope, Date decisionDue) {
    return signOffDueUnder(profileOf(scope), decisionDue);
  }

  public Date signOffDueUnder(RuleProfile profile, Date decisionDue) {
    Date own = dueFrom(calendar.today(), profile, Step.LEADER_SIGN_OFF);
    return decisionDue != null && decisionDue.before(own) ? decisionDue : own;
  }

  public Date signOffDue(Date decisionDue) {
    return signOffDueUnder(current(), decisionDue);
  }

  /** The reminder goes out at the start of the working day(s) before the deadline's day. */
  public Date reminderAt(VariableScope scope, Date due) {
    return reminderUnder(profileOf(scope), due);
  }

  public Date reminderUnder(RuleProfile profile, Date due) {
    LocalDate day = calendar.minusWorkingDays(dayOf(due), profile.reminderBefore()).date();
    return Date.from(day.atTime(reminderTime).atZone(clock.getZone()).toInstant());
  }

  public Date reminderAt(Date due) {
    return reminderUnder(current(), due);
  }

  /** The task becomes overdue when its deadline's day has ended. */
  public Date overdueAt(Date due) {
    return startOf(dayOf(due).plusDays(1));
  }

  /** Still open this many working days after the deadline: the city leader is told. */
  public Date cityEscalationAt(VariableScope scope, Date due) {
    return cityEscalationUnder(profileOf(scope), due);
  }

  public Date cityEscalationUnder(RuleProfile profile, Date due) {
    return startOf(calendar.plusWorkingDays(dayOf(due), profile.cityEscalationAfter()).date().plusDays(1));
  }

  public Date cityEscalationAt(Date due) {
    return cityEscalationUnder(current(), due);
  }

  /**
   * On time; due within one working day (today or the next working day); or overdue by the
   * working days since the deadline's day.
   */
  public DueStatus statusOf(java.time.Instant due) {
    if (due == null) {
      return new DueStatus(DueStatus.Kind.NONE, 0);
    }
    LocalDate today = calendar.today();
    LocalDate day = due.atZone(clock.getZone()).toLocalDate();
    if (day.isBefore(today)) {
      return new DueStatus(DueStatus.Kind.OVERDUE, calendar.workingDaysBetween(day, today).workingDays());
    }
    LocalDate nextWorkingDay = calendar.plusWorkingDays(today, 1).date();
    return new DueStatus(day.isAfter(nextWorkingDay) ? DueStatus.Kind.ON_TIME : DueStatus.Kind.DUE_SOON, 0);
  }

  public boolean isProvisional(Date due) {
    return calendar.isProvisional(dayOf(due));
  }

  /** A due date as a notice names it: its day, marked provisional when counted into a year not yet published. */
  public DueDay shown(Date due) {
    return new DueDay(dayOf(due), isProvisional(due));
  }

  public LocalDate dayOf(Date date) {
    return date.toInstant().atZone(clock.getZone()).toLocalDate();
  }

  public Date now() {
    return Date.from(clock.instant());
  }

  private Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(clock.getZone()).toInstant());
  }

  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }
}
