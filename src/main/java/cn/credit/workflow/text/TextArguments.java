package cn.credit.workflow.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a stored {@link Text} in one column: each as written, a text in both languages as
 * its two halves, a text by key (without arguments of its own) as its key, a provisional due day
 * marked as such. Control characters
 * separate them: a person's text contains none (the forms take printable text).
 */
public final class TextArguments {

  private static final char NEXT = '\u001F';
  private static final char BOTH = '\u001E';
  private static final char KEY = '\u001D';
  private static final char PROVISIONAL = '\u001C';

  private TextArguments() {}

  public static String encode(List<Object> args) {
    if (args == null || args.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (Object arg : args) {
      if (out.length() > 0) {
        out.append(NEXT);
      }
      if (arg instanceof Text.Both both) {
        out.append(BOTH).append(clean(both.zh())).append(BOTH).append(clean(both.en()));
      } else if (arg instanceof Text.Key key && key.args().isEmpty()) {
        out.append(KEY).append(key.key());
      } else if (arg instanceof DueDay day && day.provisional()) {
        out.append(PROVISIONAL).append(day.date());
      } else if (arg instanceof Text) {
        throw new IllegalArgumentException("a stored text's argument may not have arguments of its own: " + arg);
      } else {
        out.append(clean(arg == null ? "" : arg.toString()));
      }
    }
    return out.toString();
  }

  public static List<Object> decode(String stored) {
    List<Object> args = new ArrayList<>();
    if (stored == null) {
      return args;
    }
    for (String part : stored.split(String.valueOf(NEXT), -1)) {
      if (!part.isEmpty() && part.charAt(0) == BOTH) {
        int second = part.indexOf(BOTH, 1);
        args.add(Text.both(part.substring(1, second), part.substring(second + 1)));
      } else if (!part.isEmpty() && part.charAt(0) == PROVISIONAL) {
        args.add(new DueDay(LocalDate.parse(part.substring(1)), true));
      } else if (!part.isEmpty() && part.charAt(0) == KEY) {
        args.add(Text.of(part.substring(1)));
      } else {
        args.add(part);
      }
    }
    return args;
  }

  private static String clean(String text) {
    return text == null ? "" : text.replace(NEXT, ' ').replace(BOTH, ' ').replace(KEY, ' ').replace(PROVISIONAL, ' ');
  }
}
