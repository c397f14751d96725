package cn.credit.workflow;

import cn.credit.workflow.deadline.DeadlineWatch;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A process test class must take every flow node and sequence flow of the models it runs. The
 * deadline watch runs beside every task; its own paths are covered by the deadline tests. A class
 * names the deployed models it does not walk in {@code process-coverage.excluded}.
 */
@TestConfiguration
class ProcessCoverageSettings {

  @Bean
  @Primary
  ProcessEngineCoverageProperties processCoverageProperties(
      @Value("${process-coverage.excluded:}") String[] excludedByTheClass) {
    String[] excluded = Arrays.copyOf(excludedByTheClass, excludedByTheClass.length + 1);
    excluded[excludedByTheClass.length] = DeadlineWatch.PROCESS_KEY;
    return ProcessEngineCoverageProperties.builder()
        .excludeProcessDefinitionKeys(excluded)
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
