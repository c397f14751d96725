package cn.credit.workflow.system;

import cn.credit.workflow.text.Text;
import org.springframework.context.MessageSourceResolvable;

/**
 * What is wrong with one field of a form or a body ({@code recordId}, {@code days[0].kind}), as a
 * text by key; {@code field} is "" for a problem about no particular field.
 */
public record FieldProblem(String field, Text text) implements MessageSourceResolvable {

  public static FieldProblem of(String field, String key, Object... args) {
    return new FieldProblem(field, Text.of(key, args));
  }

  @Override
  public String[] getCodes() {
    return text.getCodes();
  }

  @Override
  public Object[] getArguments() {
    return text.getArguments();
  }

  @Override
  public String getDefaultMessage() {
    return null;
  }

  /** For logs and test failures: the field and the key, e.g. "proof: repair.proof.required". */
  @Override
  public String toString() {
    return field.isEmpty() ? text.toString() : field + ": " + text;
  }
}
