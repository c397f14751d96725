package cn.credit.workflow.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Days are counted in the credit office's own zone (Asia/Shanghai), whatever the server's zone,
 * on the engine's clock.
 */
@Configuration
@EnableScheduling
class TimeConfiguration {

  @Bean
  Clock clock(@Value("${credit.zone}") ZoneId zone) {
    return new EngineClock(zone);
  }
}
