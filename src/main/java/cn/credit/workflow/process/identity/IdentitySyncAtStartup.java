package cn.credit.workflow.process.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(2)
class IdentitySyncAtStartup implements ApplicationRunner {

  private final EngineIdentitySync sync;

  IdentitySyncAtStartup(EngineIdentitySync sync) {
    this.sync = sync;
  }

  @Override
  public void run(ApplicationArguments args) {
    sync.syncAll();
  }
}
