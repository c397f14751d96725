package cn.credit.workflow.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that drives Debian's Chromium. On a machine without it the test is skipped, saying the line
 * that installs it, as tests that need Docker are skipped without Docker (Testcontainers'
 * {@code disabledWithoutDocker}); so a newcomer's {@code ./mvnw verify} passes everything else.
 * With {@code -Dbrowser.required=true} (CI's {@code .ci/run}) a missing browser is a failure instead:
 * the browser tests can never be skipped there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsBrowser.Condition.class)
public @interface NeedsBrowser {

  String INSTALL = "sudo apt-get install -y chromium chromium-driver fonts-noto-cjk";
  String REQUIRED = "browser.required";

  class Condition implements ExecutionCondition {

    private static boolean told;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return evaluate(Files.isExecutable(Path.of(Browser.CHROMIUM)) && Files.isExecutable(Path.of(Browser.CHROMEDRIVER)),
          Boolean.parseBoolean(System.getProperty(REQUIRED, "false")));
    }

    static ConditionEvaluationResult evaluate(boolean browserThere, boolean required) {
      if (browserThere) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver are there");
      }
      String missing = "no Chromium and chromedriver at " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
          + "; install them with: " + INSTALL;
      if (required) {
        throw new IllegalStateException(missing + " (-D" + REQUIRED + "=true: the browser tests may not be skipped)");
      }
      if (!told) {
        told = true;
        System.err.println("[WARNING] Browser tests skipped: " + missing);
      }
      return ConditionEvaluationResult.disabled("browser tests skipped: " + missing);
    }
  }
}
