package cn.credit.workflow.record;

import cn.credit.workflow.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A correction's changes as people read them: the history keeps one "field: old → new" per line
 * (what {@link DishonestyRecord#correct} writes); each line becomes the field's name in words and
 * the two values, e.g. 内容由“罚款二十万元”更正为“罚款二万元”.
 */
public final class RecordCorrections {

  private static final String ARROW = " → ";

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
      lines.add(Text.of("record.correction", Text.of("record.field." + field), values.apply(value(line.substring(colon + 2, arrow))),
          values.apply(value(line.substring(arrow + ARROW.length())))));
    }
    return lines;
  }

  /** A value as written, without the full stop it may end with (the sentence puts its own). */
  private static String value(String text) {
    String stripped = text.strip();
    return stripped.endsWith("。") || stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
