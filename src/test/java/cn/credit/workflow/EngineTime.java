package cn.credit.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Moves the engine's clock, and with it the application's (system/EngineClock). The engine has no
 * public way to set its time for a Spring-managed engine, so this is the one place tests touch the
 * internal ClockUtil (ADR 0002).
 */
public final class EngineTime {

  private EngineTime() {}

  public static void set(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  public static void advance(Duration by) {
    set(ClockUtil.getCurrentTime().toInstant().plus(by));
  }

  /** Back to the system clock. */
  public static void reset() {
    ClockUtil.reset();
  }
}
