package cn.credit.workflow.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the engine's clock, in the credit office's zone: process tests that
 * move the engine's time move the application's "today" with it. ClockUtil is internal, but the
 * engine has no public clock (ADR 0002): the one internal use left in main code.
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.now().toInstant();
  }
}
