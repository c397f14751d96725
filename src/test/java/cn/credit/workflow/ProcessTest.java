package cn.credit.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Like {@link EngineTest}, with the process test coverage recorder in the engine: each test class
 * writes its report (HTML and JSON, flow nodes and sequence flows) under
 * {@code target/process-test-coverage/}. Each class gives its own engine name (engines register
 * JVM-wide) and the models it leaves to other classes, e.g.
 * {@code @TestPropertySource(properties = {"camunda.bpm.process-engine-name=repairTest", "process-coverage.excluded=creditDispute"})}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"credit.demo-data.enabled=true", "credit.mail.dispatch-enabled=false", "spring.mail.port=3025"})
@Import({ProcessEngineCoverageConfiguration.class, ProcessCoverageSettings.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {}
