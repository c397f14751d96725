package cn.credit.workflow.inbox;

import cn.credit.workflow.system.FieldProblem;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task form from {@code forms/} (Camunda Forms JSON), checked on the server: required fields,
 * fields required when another has a value ({@code properties.requiredWhen: "field=value"}),
 * lengths and the allowed options. Values come back typed for the process.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskForm(String id, List<Field> components) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Field(String key, String label, String type, Validate validate, List<Option> values,
      Map<String, String> properties) {

    boolean required(Map<String, Object> raw) {
      if (validate != null && Boolean.TRUE.equals(validate.required())) {
        return true;
      }
      String when = properties == null ? null : properties.get("requiredWhen");
      if (when == null) {
        return false;
      }
      String[] condition = when.split("=", 2);
      Object other = raw.get(condition[0]);
      return other != null && java.util.Arrays.asList(condition[1].split("\\|")).contains(other.toString());
    }

    boolean isBoolean() {
      return "checkbox".equals(type) || (properties != null && "boolean".equals(properties.get("valueType")));
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Validate(Boolean required, Integer maxLength) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Option(String label, String value) {}

  /** The outcome of checking what a person submitted: typed values, or a message per field. */
  public record Checked(Map<String, Object> values, List<FieldProblem> errors) {}

  public Checked check(Map<String, Object> raw) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<FieldProblem> errors = new ArrayList<>();
    for (Field field : components) {
      Object given = raw.get(field.key());
      String text = given == null ? null : given.toString().strip();
      boolean empty = text == null || text.isEmpty() || (field.isBoolean() && "false".equals(text)
          && "checkbox".equals(field.type()));
      if (empty) {
        if (field.required(raw)) {
          errors.add(FieldProblem.of(field.key(), "field.required"));
        }
        continue;
      }
      if (field.validate() != null && field.validate().maxLength() != null && text.length() > field.validate().maxLength()) {
        errors.add(FieldProblem.of(field.key(), "field.atMost", field.validate().maxLength()));
        continue;
      }
      if (field.values() != null && !field.values().isEmpty()
          && field.values().stream().noneMatch(o -> o.value().equals(text))) {
        errors.add(FieldProblem.of(field.key(), "field.oneOf", field.values().stream().map(Option::value).toList()));
        continue;
      }
      if (field.isBoolean() && !"true".equals(text) && !"false".equals(text)) {
        errors.add(FieldProblem.of(field.key(), "expected.boolean"));
        continue;
      }
      values.put(field.key(), field.isBoolean() ? Boolean.valueOf(text) : text);
    }
    return new Checked(values, errors);
  }

  /**
   * The bundle key of the outcome chosen in the form (its first choice field, as the form lists
   * it), or null when the form has none or it was left empty.
   */
  public String outcomeKeyOf(Map<String, Object> values) {
    return components.stream().filter(f -> "radio".equals(f.type()) && values.get(f.key()) != null).findFirst()
        .map(f -> FormView.choiceKey(this, f, values.get(f.key()).toString())).orElse(null);
  }

  /** The opinion (审批意见) written in the form: its field marked {@code properties.role: "opinion"}. */
  public String opinionOf(Map<String, Object> values) {
    return components.stream().filter(f -> f.properties() != null && "opinion".equals(f.properties().get("role")))
        .map(f -> values.get(f.key())).filter(v -> v != null && !v.toString().isBlank()).map(Object::toString)
        .findFirst().orElse(null);
  }
}
