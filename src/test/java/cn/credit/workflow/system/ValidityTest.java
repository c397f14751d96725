package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.TestTexts;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.entity.ValidUscc;
import cn.credit.workflow.text.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Constraint messages come from the bundles by key, in the language of the request, with the
 * constraint's own values ({@code {max}}, {@code {values}}, {@code {given}}) filled in.
 */
class ValidityTest {

  private final Validity validity = new Validity(validator());

  record Registration(@ValidUscc String uscc) {}

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aDisputeWithoutRecordGroundOrFactsNamesEachFieldInTheRequestsLanguage() {
    DisputeService.Filing empty = new DisputeService.Filing(null, "NOPE", " ", "x".repeat(4001));
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    List<FieldProblem> english = validity.problems(empty);
    assertThat(english).extracting(FieldProblem::field).containsExactly("facts", "ground", "proof", "recordId");
    assertThat(TestTexts.en(english)).contains("recordId: which record is disputed",
        "proof: at most 4000 characters", "facts: what is wrong with the record and what is right (1 to 4000 characters)")
        .anySatisfy(m -> assertThat(m).startsWith("ground: 'NOPE' is not one of the grounds listed")
            .doesNotContain("WRONG_CONTENT"));
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(TestTexts.zh(validity.problems(empty))).contains("recordId: 请选择提出异议的失信信息", "proof: 最多4000字")
        .anySatisfy(m -> assertThat(m).startsWith("ground: “NOPE”不是所列的异议理由"));
  }

  @Test
  void whatThePersonTypedIsQuotedAsTypedNeverInterpreted() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    String typed = "${1+1}{valid.required}";
    assertThat(TestTexts.en(validity.problems(new DisputeService.Filing(1L, typed, "wrong", null))))
        .singleElement().asString().startsWith("ground: '" + typed + "' is not one of");
  }

  @Test
  void aMissingChoiceSaysWhatToChoose() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(TestTexts.en(validity.problems(new DisputeService.Filing(1L, null, "wrong", null))))
        .singleElement().asString().isEqualTo("ground: Choose the ground of the dispute");
  }

  @Test
  void aUsccSaysWhatIsWrongWithItAndABlankOneIsLeftToOtherRules() {
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(TestTexts.zh(validity.problems(new Registration("91370100MA3C4K5N0X"))))
        .containsExactly("uscc: 统一社会信用代码校验位不正确，请核对");
    assertThat(TestTexts.zh(validity.problems(new Registration("9137")))).containsExactly("uscc: 统一社会信用代码应为18位");
    assertThat(validity.problems(new Registration("91370100MA3C4K5N0R"))).isEmpty();
    assertThat(validity.problems(new Registration(" "))).isEmpty();
  }

  @Test
  void aRefusalNamesTheDetailByKey() {
    ApiProblem refused = org.assertj.core.api.Assertions.catchThrowableOfType(ApiProblem.class,
        () -> validity.check(new Registration("9137"), "admin.user.notAdded"));
    assertThat(refused.detail()).isEqualTo(Text.of("admin.user.notAdded"));
    assertThat(TestTexts.en(refused.detail())).isEqualTo("the user was not added");
    assertThat(refused.details()).isEqualTo(Map.of());
  }

  private static jakarta.validation.Validator validator() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.setMessageInterpolator(new MessageInterpolatorFactory(messages).getObject());
    validator.afterPropertiesSet();
    return validator;
  }
}
