package cn.credit.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application as it runs for a user: a real port, demo data, the job executor on. Test
 * classes that share this annotation share one started application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"credit.demo-data.enabled=true", "camunda.bpm.job-execution.enabled=true"})
public @interface RunningAppTest {}
