package cn.credit.workflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped rule profiles, bound the way the application binds them. */
class TimeLimitsTest {

  private static TimeLimits limits(String profile, Map<String, String> extra) throws IOException {
    Properties shipped = new Properties();
    try (var in = new ClassPathResource("rules/time-limits.properties").getInputStream()) {
      shipped.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    MapConfigurationPropertySource source = new MapConfigurationPropertySource(shipped);
    source.put("credit.rules.profile", profile);
    extra.forEach(source::put);
    return new TimeLimits(new Binder(source).bind("credit.rules", RuleProfilesProperties.class).get());
  }

  @Test
  void theNationalProfileHasTheLimitsOfOrder36() throws IOException {
    TimeLimits national = limits("national-2026", Map.of());
    assertThat(national.workingDays(Step.ACCEPT)).isEqualTo(3);
    assertThat(national.workingDays(Step.DECIDE)).isEqualTo(7);
    assertThat(national.workingDays(Step.EXTENSION)).isEqualTo(10);
    assertThat(national.workingDays(Step.WHOLE_REQUEST)).isEqualTo(10);
    assertThat(national.workingDays(Step.DISPUTE_FORWARD)).isEqualTo(1);
    assertThat(national.workingDays(Step.DISPUTE_VERIFY)).isEqualTo(7);
    assertThat(national.workingDays(Step.SYNC)).isEqualTo(3);
    assertThat(national.workingDays(Step.COMMITMENT_SIGNATURE)).isEqualTo(5);
    assertThat(national.workingDays(Step.SUPPLEMENT)).isEqualTo(10);
    assertThat(national.reminderBefore()).isEqualTo(1);
    assertThat(national.cityEscalationAfter()).isEqualTo(2);
  }

  @Test
  void shandongVerifiesDisputesInThreeWorkingDaysSevenWithHelpAndInheritsTheRest() throws IOException {
    TimeLimits shandong = limits("shandong", Map.of());
    assertThat(shandong.profile()).isEqualTo("shandong");
    assertThat(shandong.workingDays(Step.DISPUTE_VERIFY)).isEqualTo(3);
    assertThat(shandong.workingDays(Step.DISPUTE_VERIFY_ASSISTED)).isEqualTo(7);
    assertThat(shandong.workingDays(Step.ACCEPT)).isEqualTo(3);
    assertThat(shandong.cityEscalationAfter()).isEqualTo(2);
  }

  @Test
  void changingALimitIsConfigurationOnly() throws IOException {
    assertThat(limits("national-2026", Map.of("credit.rules.profiles.national-2026.limits.accept", "5"))
        .workingDays(Step.ACCEPT)).isEqualTo(5);
  }

  @Test
  void anUnknownOrIncompleteProfileStopsTheStartWithItsName() {
    assertThatThrownBy(() -> limits("beijing", Map.of())).hasMessageContaining("'beijing' is not defined");
    assertThatThrownBy(() -> limits("partial", Map.of("credit.rules.profiles.partial.limits.accept", "3")))
        .hasMessageContaining("credit.rules.profiles.partial.limits.decide is not set");
    assertThatThrownBy(() -> limits("national-2026", Map.of("credit.rules.profiles.national-2026.limits.acept", "3")))
        .hasMessageContaining("no step 'acept'");
  }
}
