package cn.credit.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application without a real web server and without background threads: no job executor, no mail
 * dispatcher. Tests move the engine's clock, execute due jobs and dispatch mail themselves; the
 * SMTP server is GreenMail on port 3025.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"credit.demo-data.enabled=true", "credit.mail.dispatch-enabled=false", "spring.mail.port=3025",
        // engines register by name JVM-wide (no hyphen allowed): this one must not replace the app's "default"
        "camunda.bpm.process-engine-name=engineTest"})
public @interface EngineTest {}
