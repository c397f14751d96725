package cn.credit.workflow.demo;

import cn.credit.workflow.startup.StartupStep;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo data when {@code credit.demo-data.enabled}; before the identity sync runs. */
@Component
@Order(1)
@ConditionalOnProperty(name = "credit.demo-data.enabled", havingValue = "true")
class DemoDataAtStartup implements StartupStep {

  private final DemoDataLoader loader;

  DemoDataAtStartup(DemoDataLoader loader) {
    this.loader = loader;
  }

  @Override
  public void run() {
    loader.loadOnce();
  }
}
