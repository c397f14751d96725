package cn.credit.workflow;

import cn.credit.workflow.deadline.DeadlineWatch;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A process test class must take every flow node and sequence flow of the models it runs. The
 * deadline watch runs beside every task; its own paths are covered by the deadline tests.
 */
@TestConfiguration
class ProcessCoverageSettings {

  @Bean
  @Primary
  ProcessEngineCoverageProperties processCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .excludeProcessDefinitionKeys(DeadlineWatch.PROCESS_KEY)
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
