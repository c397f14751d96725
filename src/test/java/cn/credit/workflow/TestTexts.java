package cn.credit.workflow;

import cn.credit.workflow.system.FieldErrors;
import cn.credit.workflow.system.FieldProblem;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Refusals as a person reads them ("field: message" in one language), for tests that check the
 * wording of a refusal thrown in-process: the services give keys, the bundles the words.
 */
public final class TestTexts {

  private static final MessageSource MESSAGES = messages();

  private TestTexts() {}

  public static List<String> zh(List<FieldProblem> problems) {
    return in(problems, Locale.SIMPLIFIED_CHINESE);
  }

  public static List<String> en(List<FieldProblem> problems) {
    return in(problems, Locale.ENGLISH);
  }

  public static String zh(MessageSourceResolvable text) {
    return FieldErrors.text(text, MESSAGES, Locale.SIMPLIFIED_CHINESE);
  }

  public static String en(MessageSourceResolvable text) {
    return FieldErrors.text(text, MESSAGES, Locale.ENGLISH);
  }

  private static List<String> in(List<FieldProblem> problems, Locale locale) {
    return problems.stream().map(p -> {
      String message = FieldErrors.text(p, MESSAGES, locale);
      return p.field().isEmpty() ? message : p.field() + ": " + message;
    }).toList();
  }

  /** The application's bundles as Spring Boot configures them (spring.messages.*). */
  private static MessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
