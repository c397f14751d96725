package cn.credit.workflow.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text a person reads, kept apart from its language until it is shown: a key of the message
 * bundles with its arguments, or a text that comes in both languages already (a department's two
 * names from the directory). Arguments may be texts themselves; {@link Texts} resolves them all in
 * the reader's language.
 */
public sealed interface Text permits Text.Key, Text.Both {

  /** A bundle key and its arguments (dates, names, reasons typed by people, codes, other texts). */
  static Text of(String key, Object... args) {
    return new Key(key, args == null ? List.of() : Arrays.asList(args));
  }

  /** A text given in both languages, for names and texts the application holds in both. */
  static Text both(String zh, String en) {
    return new Both(zh, en);
  }

  record Key(String key, List<Object> args) implements Text {}

  record Both(String zh, String en) implements Text {

    /** English where the reader reads English, Chinese otherwise (as the bundles fall back). */
    public String in(Locale locale) {
      return "en".equals(locale.getLanguage()) ? en : zh;
    }
  }
}
