package cn.credit.workflow.record;

import cn.credit.workflow.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A correction's changes as people read them: the history keeps one "field: old → new" per line
 * (what {@link DishonestyRecord#correct} writes); each line becomes the field's name in words and
 * the two values, e.g. 内容由“罚款二十万元”更正为“罚款二万元”.
 */
public final class RecordCorrections {

  private static final String ARROW = " → ";
  /** The fields whose values are codes, and the message key prefix that words each code. */
  private static final Map<String, String> CODED = Map.of("severity", "severity.", "type", "recordType.",
      "penaltyTypes", "penalty.");

  private RecordCorrections() {}

  public static List<Text> of(String changes) {
    return of(changes, UnaryOperator.identity());
  }

  /** The same, each value passed through {@code values} first (the public pages mask them). */
  public static List<Text> of(String changes, UnaryOperator<String> values) {
    List<Text> lines = new ArrayList<>();
    if (changes == null) {
      return lines;
    }
    for (String line : changes.split("\n")) {
      int colon = line.indexOf(": ");
      int arrow = line.indexOf(ARROW, colon + 1);
      if (colon < 0 || arrow < 0) {
        lines.add(Text.both(values.apply(line), values.apply(line)));
        continue;
      }
      String field = line.substring(0, colon);
      lines.add(Text.of("record.correction", Text.of("record.field." + field),
          worded(field, value(line.substring(colon + 2, arrow)), values),
          worded(field, value(line.substring(arrow + ARROW.length())), values)));
    }
    return lines;
  }

  /**
   * A coded value in words (a severity, a record type, penalty types as the history writes them:
   * "GENERAL", "[WARNING, FINE_SMALL]"), an empty one as such; any other value as written.
   */
  private static Object worded(String field, String value, UnaryOperator<String> values) {
    if (value.isEmpty() || "null".equals(value) || "[]".equals(value)) {
      return Text.of("record.value.none");
    }
    String prefix = CODED.get(field);
    if (prefix == null || !value.matches("\\[?[A-Z_]+(, [A-Z_]+)*]?")) {
      return values.apply(value);
    }
    String[] codes = value.replaceAll("[\\[\\]]", "").split(", ");
    Text words = Text.of(prefix + codes[codes.length - 1]);
    for (int i = codes.length - 2; i >= 0; i--) {
      words = Text.of("record.value.list", Text.of(prefix + codes[i]), words);
    }
    return words;
  }

  /** A value as written, without the full stop it may end with (the sentence puts its own). */
  private static String value(String text) {
    String stripped = text.strip();
    return stripped.endsWith("。") || stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
