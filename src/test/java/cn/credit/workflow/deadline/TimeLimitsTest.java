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

  private static RuleProfile profile(String name, Map<String, String> extra) throws IOException {
    return limits(name, extra).inForce().get(0);
  }

  @Test
  void theNationalProfileHasTheLimitsOfOrder36() throws IOException {
    RuleProfile national = profile("national-2026", Map.of());
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
    RuleProfile shandong = profile("shandong", Map.of());
    assertThat(shandong.name()).isEqualTo("shandong");
    assertThat(shandong.workingDays(Step.DISPUTE_VERIFY)).isEqualTo(3);
    assertThat(shandong.workingDays(Step.DISPUTE_VERIFY_ASSISTED)).isEqualTo(7);
    assertThat(shandong.workingDays(Step.ACCEPT)).isEqualTo(3);
    assertThat(shandong.cityEscalationAfter()).isEqualTo(2);
  }

  @Test
  void changingALimitIsConfigurationOnly() throws IOException {
    assertThat(profile("national-2026", Map.of("credit.rules.profiles.national-2026.limits.accept", "5"))
        .workingDays(Step.ACCEPT)).isEqualTo(5);
  }

  @Test
  void nationalDisputesCountFromForwardingShandongFromReceipt() throws IOException {
    assertThat(profile("national-2026", Map.of()).disputeVerifyFrom()).isEqualTo(RuleProfile.ClockStart.FORWARDING);
    assertThat(profile("shandong", Map.of()).disputeVerifyFrom()).isEqualTo(RuleProfile.ClockStart.RECEIPT);
  }

  @Test
  void extraMaterialsBelongToTheRegionalProfileNeverTheNationalOne() throws IOException {
    RuleProfile national = profile("national-2026", Map.of());
    RuleProfile shandong = profile("shandong", Map.of());
    for (String severity : java.util.List.of("MINOR", "GENERAL", "SERIOUS")) {
      assertThat(national.materialsFor(severity)).as("令 36 art. 15, %s", severity).isEmpty();
    }
    assertThat(shandong.materialsFor("SERIOUS")).containsExactly("training-certificate", "credit-report");
    assertThat(shandong.materialsFor("GENERAL")).isEmpty();
  }

  @Test
  void aCaseTakesTheProfileInForceOnTheDayItWasReceived() throws IOException {
    // a new law from 2027-07-01 is a new profile beside the old one, listed in force with its date
    TimeLimits limits = limits("national-2026,national-2027", Map.of(
        "credit.rules.profiles.national-2027.base", "national-2026",
        "credit.rules.profiles.national-2027.effective-from", "2027-07-01",
        "credit.rules.profiles.national-2027.limits.accept", "2"));
    assertThat(limits.inForceOn(java.time.LocalDate.of(2027, 6, 30)).name()).isEqualTo("national-2026");
    assertThat(limits.inForceOn(java.time.LocalDate.of(2027, 7, 1)).name()).isEqualTo("national-2027");
    assertThat(limits.inForceOn(java.time.LocalDate.of(2027, 7, 1)).workingDays(Step.ACCEPT)).isEqualTo(2);
    // before the first profile's date the first one still applies: the list has to start somewhere
    assertThat(limits.inForceOn(java.time.LocalDate.of(2025, 1, 2)).name()).isEqualTo("national-2026");
    // a case keeps the profile it recorded, whatever is in force now
    assertThat(limits.ofCase("national-2026", java.time.LocalDate.of(2027, 8, 1)).workingDays(Step.ACCEPT)).isEqualTo(3);
    assertThat(limits.ofCase(null, java.time.LocalDate.of(2027, 8, 1)).name()).isEqualTo("national-2027");
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
