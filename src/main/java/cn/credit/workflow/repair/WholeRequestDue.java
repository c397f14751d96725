package cn.credit.workflow.repair;

import cn.credit.workflow.calendar.CalendarSnapshot.CalendarDate;
import cn.credit.workflow.calendar.WorkingDayCalendar;
import cn.credit.workflow.deadline.RuleProfile;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.deadline.TimeLimits;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The whole request's limit, shown to the applicant and kept current (domain §3): the profile's
 * working days from receipt, the time the applicant takes not counted, an approved extension added.
 */
@Component
class WholeRequestDue {

  private final WorkingDayCalendar calendar;
  private final TimeLimits limits;
  private final Clock clock;

  WholeRequestDue(WorkingDayCalendar calendar, TimeLimits limits, Clock clock) {
    this.calendar = calendar;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * The request is complete only with its signed commitment (令 36 art. 14), so it counts as received
   * the day it is signed: days the applicant took to sign do not count, like the supplement's.
   */
  void countFromSignature(RepairRequest request) {
    set(request, calendar.plusWorkingDays(calendar.today(), profileOf(request).workingDays(Step.WHOLE_REQUEST)));
  }

  /**
   * The supplement answered today: the working days after the notice's day up to today were the
   * applicant's and move the limit by as many. Returns whether it moved.
   */
  boolean resumeAfterSupplement(RepairRequest request, LocalDate noticeDay) {
    int paused = calendar.workingDaysBetween(noticeDay, calendar.today()).workingDays();
    if (paused <= 0) {
      return false;
    }
    set(request, calendar.plusWorkingDays(request.getDueDate(), paused));
    return true;
  }

  /** An approved extension of the decision adds its working days to the whole request too. */
  void extend(RepairRequest request) {
    set(request, calendar.plusWorkingDays(request.getDueDate(), profileOf(request).workingDays(Step.EXTENSION)));
  }

  private RuleProfile profileOf(RepairRequest request) {
    return limits.ofCase(request.getRuleProfile(), LocalDate.ofInstant(request.getReceivedAt(), clock.getZone()));
  }

  private static void set(RepairRequest request, CalendarDate due) {
    request.due(due.date(), due.provisional());
  }
}
