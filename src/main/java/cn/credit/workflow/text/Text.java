package cn.credit.workflow.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text a person reads, kept apart from its language until it is shown: a key of the message
 * bundles with its arguments, or a text that comes in both languages already (a department's two
 * names from the directory). Arguments may be texts themselves; {@link Texts} resolves them all in
 * the reader's language.
 */
public sealed interface Text extends MessageSourceResolvable permits Text.Key, Text.Both {

  /** A bundle key and its arguments (dates, names, reasons typed by people, codes, other texts). */
  static Text of(String key, Object... args) {
    return new Key(key, args == null ? List.of() : Arrays.asList(args));
  }

  /** A text given in both languages, for names and texts the application holds in both. */
  static Text both(String zh, String en) {
    return new Both(zh, en);
  }

  /**
   * Also a {@link MessageSourceResolvable}, for Spring's own resolution (problem details, Bean
   * Validation): numbers go in as their digits, as {@link Texts} gives them (MessageFormat would
   * write 1234 as "1,234"); texts among the arguments Spring resolves itself.
   */
  record Key(String key, List<Object> args) implements Text {

    @Override
    public String[] getCodes() {
      return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
      return args.stream().map(a -> a instanceof Number ? a.toString() : a == null ? "" : a).toArray();
    }

    @Override
    public String getDefaultMessage() {
      return null;
    }

    @Override
    public String toString() {
      return args.isEmpty() ? key : key + args;
    }
  }

  record Both(String zh, String en) implements Text {

    @Override
    public String[] getCodes() {
      return new String[0];
    }

    /** Outside {@link Texts}, which knows the reader's language, the Chinese. */
    @Override
    public String getDefaultMessage() {
      return zh;
    }

    /** English where the reader reads English, Chinese otherwise (as the bundles fall back). */
    public String in(Locale locale) {
      return "en".equals(locale.getLanguage()) ? en : zh;
    }
  }
}
