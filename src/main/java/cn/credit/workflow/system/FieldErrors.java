package cn.credit.workflow.system;

import cn.credit.workflow.text.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Refusals as a page shows them: each message beside its field, in the page's language. They are
 * {@link FieldProblem}s from the services or Spring's field errors from Bean Validation; templates
 * call {@code @fieldErrors.of(errors, #locale)}, and {@code @fieldErrors.text(text, #locale)} for
 * one text by key.
 */
@Component("fieldErrors")
public class FieldErrors {

  private final MessageSource messages;

  FieldErrors(MessageSource messages) {
    this.messages = messages;
  }

  /** Field name → its messages; messages about no particular field are under "". */
  public Map<String, String> of(List<? extends MessageSourceResolvable> errors, Locale locale) {
    return byField(errors, messages, locale);
  }

  public String text(MessageSourceResolvable text, Locale locale) {
    return text(text, messages, locale);
  }

  public static Map<String, String> byField(List<? extends MessageSourceResolvable> errors, MessageSource messages,
      Locale locale) {
    Map<String, String> byField = new LinkedHashMap<>();
    if (errors == null) {
      return byField;
    }
    for (MessageSourceResolvable error : errors) {
      String field = fieldOf(error);
      // a page's fields are plain names; a message about days[0] goes above the form, naming it
      boolean plain = field.matches("[A-Za-z]+");
      String message = text(error, messages, locale);
      byField.merge(plain ? field : "", plain || field.isEmpty() ? message : field + ": " + message,
          (a, b) -> a + "；" + b);
    }
    return byField;
  }

  /** The field a problem is about; "" when it names none. */
  public static String fieldOf(MessageSourceResolvable error) {
    if (error instanceof FieldProblem problem) {
      return problem.field();
    }
    return error instanceof org.springframework.validation.FieldError field ? field.getField() : "";
  }

  /**
   * A text in {@code locale}. A key missing from the bundles shows as the key (a test catches
   * that), never as a failed page.
   */
  public static String text(MessageSourceResolvable text, MessageSource messages, Locale locale) {
    if (text instanceof Text.Both both) {
      return both.in(locale);
    }
    if (text instanceof Text || text instanceof FieldProblem) {
      Object[] args = text.getArguments();
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof Text.Both both) {
          args[i] = both.in(locale);
        }
      }
      return messages.getMessage(text.getCodes()[0], args, text.getCodes()[0], locale);
    }
    try {
      return messages.getMessage(text, locale);
    } catch (NoSuchMessageException e) {
      return text.getCodes() == null || text.getCodes().length == 0 ? "?" : text.getCodes()[0];
    }
  }
}
