package cn.credit.workflow.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What an operator watches in the engine, as metrics (/actuator/metrics, and any registry the
 * operator adds): jobs due and not yet taken by a node (the backlog the job executor works off),
 * jobs that failed for good (no retries left) and open incidents. Read when the metric is read.
 */
@Component
class EngineGauges implements MeterBinder {

  private final ManagementService management;
  private final RuntimeService runtime;

  EngineGauges(ManagementService management, RuntimeService runtime) {
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("credit.jobs.due", () -> management.createJobQuery().executable().count())
        .description("engine jobs due now and not yet done (timers, async steps, mails of the engine)")
        .register(registry);
    Gauge.builder("credit.jobs.failed", () -> management.createJobQuery().noRetriesLeft().count())
        .description("engine jobs that failed with no retries left: each has an incident to resolve")
        .register(registry);
    Gauge.builder("credit.incidents.open", () -> runtime.createIncidentQuery().count())
        .description("open incidents (Cockpit shows and resolves them)").register(registry);
  }
}
