package cn.credit.workflow;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A process test class must take every flow node and sequence flow of the models it runs, the
 * deadline timers of every task included. A class names the deployed models it does not walk in
 * {@code process-coverage.excluded}.
 */
@TestConfiguration
class ProcessCoverageSettings {

  @Bean
  @Primary
  ProcessEngineCoverageProperties processCoverageProperties(
      @Value("${process-coverage.excluded:}") String[] excludedByTheClass) {
    return ProcessEngineCoverageProperties.builder()
        .excludeProcessDefinitionKeys(excludedByTheClass)
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
