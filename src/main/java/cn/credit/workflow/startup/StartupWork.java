package cn.credit.workflow.startup;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupStep}, then lets go of the start-up lock ({@link StartupLock}) the node
 * took before its engine was built: nodes started at the same moment on one database do their
 * start-up work one after the other, and the second finds the first one's rows and adds nothing.
 * Each step still checks what exists, so a restart adds nothing either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupWork implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StartupWork.class);

  private final StartupLock lock;
  private final List<StartupStep> steps;

  /** Spring gives the steps in their {@code @Order}. */
  StartupWork(StartupLock lock, List<StartupStep> steps) {
    this.lock = lock;
    this.steps = steps;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    long started = System.nanoTime();
    try {
      for (StartupStep step : steps) {
        step.run();
      }
    } finally {
      lock.release();
    }
    log.info("Start-up work done in {} ms ({} steps)", (System.nanoTime() - started) / 1_000_000, steps.size());
  }
}
