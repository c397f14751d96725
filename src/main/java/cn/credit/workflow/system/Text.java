package cn.credit.workflow.system;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text by its key in the message bundles, with its arguments: what a refusal or a reason says is
 * worded in {@code messages.properties} (Chinese) and {@code messages_en.properties} (English) and
 * resolved in the reader's language when it is shown, never cut out of a string in two languages.
 */
public record Text(String key, List<Object> args) implements MessageSourceResolvable {

  public Text {
    args = List.copyOf(args);
  }

  /**
   * Numbers go in as their digits: the bundles' {@code MessageFormat} would write 2000 as "2,000"
   * and a record id 1234 as "1,234".
   */
  public static Text of(String key, Object... args) {
    return new Text(key, Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a == null ? "" : a).toList());
  }

  @Override
  public String[] getCodes() {
    return new String[] {key};
  }

  @Override
  public Object[] getArguments() {
    return args.toArray();
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
