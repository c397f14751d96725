package cn.credit.workflow.text;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves {@link Text}s from the message bundles: in a given language, in both (the mails are in
 * Chinese with English alongside), or in the language of the request being answered.
 */
@Component
public class Texts {

  public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  public static final Locale EN = Locale.ENGLISH;

  private final MessageSource messages;

  public Texts(MessageSource messages) {
    this.messages = messages;
  }

  /** The text in {@code locale}; null for no text. */
  public String in(Locale locale, Text text) {
    if (text == null) {
      return null;
    }
    if (text instanceof Text.Both both) {
      return both.in(locale);
    }
    Text.Key key = (Text.Key) text;
    // a key missing from the bundles shows as itself rather than failing the page (MessageBundlesTest
    // and the tests of each text catch it first)
    return messages.getMessage(key.key(), key.args().stream().map(a -> argument(locale, a)).toArray(), key.key(),
        locale);
  }

  public String zh(Text text) {
    return in(ZH, text);
  }

  public String en(Text text) {
    return in(EN, text);
  }

  /** The text in the language of the page or API call being answered (Chinese outside a request). */
  public String current(Text text) {
    return in(LocaleContextHolder.getLocale(), text);
  }

  /**
   * Texts among the arguments in the same language, a list as its items joined as the language
   * joins them; anything else as written (dates as yyyy-MM-dd).
   */
  private Object argument(Locale locale, Object arg) {
    if (arg instanceof Text text) {
      return in(locale, text);
    }
    if (arg instanceof DueDay day) {
      return day.provisional() ? messages.getMessage("due.day.provisional", new Object[] {day.toString()}, locale)
          : day.toString();
    }
    if (arg instanceof List<?> items) {
      String separator = messages.getMessage("text.listSeparator", null, locale);
      return String.join(separator, items.stream().map(item -> String.valueOf(argument(locale, item))).toList());
    }
    // MessageFormat would group a number's digits (1,234); a version or an id is shown as written
    return arg instanceof Number || arg == null ? String.valueOf(arg == null ? "" : arg) : arg;
  }
}
