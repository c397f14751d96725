package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Without a browser the browser tests are skipped with the line that installs it, unless a browser is required. */
class NeedsBrowserTest {

  @Test
  void withoutABrowserTheTestIsSkippedWithTheLineThatInstallsIt() {
    ConditionEvaluationResult skipped = NeedsBrowser.Condition.evaluate(false, false);
    assertThat(skipped.isDisabled()).isTrue();
    assertThat(skipped.getReason()).hasValueSatisfying(
        reason -> assertThat(reason).contains("sudo apt-get install -y chromium chromium-driver fonts-noto-cjk"));
  }

  @Test
  void whenTheBrowserIsRequiredItsAbsenceIsAFailure() {
    assertThatThrownBy(() -> NeedsBrowser.Condition.evaluate(false, true)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("browser.required=true").hasMessageContaining("apt-get install -y chromium");
  }

  @Test
  void withTheBrowserTheTestRuns() {
    assertThat(NeedsBrowser.Condition.evaluate(true, true).isDisabled()).isFalse();
    assertThat(NeedsBrowser.Condition.evaluate(true, false).isDisabled()).isFalse();
  }

  @Test
  void everyTestThatOpensABrowserSaysSoAndIsSkippedWithoutOne() {
    List<String> unmarked = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("cn.credit.workflow").stream()
        .filter(c -> c.getConstructorCallsFromSelf().stream()
            .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Browser.class)))
        .map(c -> c.getEnclosingClass().orElse(c))
        .filter(c -> !c.isAnnotatedWith(NeedsBrowser.class)
            && c.getMethods().stream().noneMatch(m -> m.isAnnotatedWith(NeedsBrowser.class)))
        .map(JavaClass::getName).distinct().toList();
    assertThat(unmarked).as("classes that start Chromium without @NeedsBrowser: a newcomer without the browser"
        + " would see them fail instead of skipped").isEmpty();
  }
}
