package cn.credit.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Credit repair and dispute handling for a city credit office, on embedded Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CreditWorkflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(CreditWorkflowApplication.class, args);
  }
}
