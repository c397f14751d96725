package cn.credit.workflow.startup;

import java.util.Arrays;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The engine is built after the start-up lock is taken: building it creates or checks the engine's
 * tables, which two nodes must not do at once ("Table 'ACT_RE_DECISION_DEF' already exists").
 */
@Component
class StartupLockFirst implements BeanFactoryPostProcessor {

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
    for (String name : beans.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
      BeanDefinition engine = beans.getBeanDefinition(name.startsWith("&") ? name.substring(1) : name);
      String[] before = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
      String[] after = Arrays.copyOf(before, before.length + 1);
      after[before.length] = "startupLock";
      engine.setDependsOn(after);
    }
  }
}
