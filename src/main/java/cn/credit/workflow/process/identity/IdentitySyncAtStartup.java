package cn.credit.workflow.process.identity;

import cn.credit.workflow.startup.StartupStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(2)
class IdentitySyncAtStartup implements StartupStep {

  private final EngineIdentitySync sync;

  IdentitySyncAtStartup(EngineIdentitySync sync) {
    this.sync = sync;
  }

  @Override
  public void run() {
    sync.syncAll();
  }
}
