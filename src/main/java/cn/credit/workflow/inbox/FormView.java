package cn.credit.workflow.inbox;

import cn.credit.workflow.system.FieldErrors;
import cn.credit.workflow.system.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A task form from {@code forms/} ready for a server-rendered page: each field with its label in
 * the page's language, the value the person typed and the message about it. Labels and choices
 * are by key, {@code form.<formId>.<fieldKey>} and {@code form.<formId>.<fieldKey>.<value>}; the
 * form's own (Chinese) label stands in for a key that is missing.
 */
public record FormView(List<FieldView> fields, List<String> otherErrors) {

  public record FieldView(String key, String label, String type, boolean required, String condition,
      Integer maxLength, List<OptionView> options, String value, String error) {}

  public record OptionView(String label, String value) {}

  /** The key of a field's label. */
  static String labelKey(TaskForm form, TaskForm.Field field) {
    return "form." + form.id() + "." + field.key();
  }

  /** The key of a choice's label. */
  static String choiceKey(TaskForm form, TaskForm.Field field, String value) {
    return labelKey(form, field) + "." + value;
  }

  public static FormView of(TaskForm form, Map<String, ?> values, List<FieldProblem> errors, MessageSource messages,
      Locale locale) {
    return of(form, values, errors, messages, locale, Map.of());
  }

  /**
   * @param choices the options of fields whose {@code properties.options} names them (departments by
   *     name, the case's member departments), see {@link FormChoices}
   */
  public static FormView of(TaskForm form, Map<String, ?> values, List<FieldProblem> errors, MessageSource messages,
      Locale locale, Map<String, List<OptionView>> choices) {
    // every problem names its field; those about no field of this form are shown above it
    Map<String, String> byField = FieldErrors.byField(errors, messages, locale);
    List<String> other = new ArrayList<>();
    byField.forEach((key, message) -> {
      if (form.components().stream().noneMatch(f -> f.key().equals(key))) {
        other.add(key.isEmpty() ? message : key + ": " + message);
      }
    });
    List<FieldView> fields = new ArrayList<>();
    for (TaskForm.Field field : form.components()) {
      List<OptionView> options = new ArrayList<>();
      if (field.values() != null) {
        field.values().forEach(o -> options.add(new OptionView(
            messages.getMessage(choiceKey(form, field, o.value()), null, o.label(), locale), o.value())));
      }
      String source = field.properties() == null ? null : field.properties().get(FormChoices.OPTIONS);
      if (source != null) {
        options.addAll(choices.getOrDefault(source, List.of()));
      }
      if (options.isEmpty() && field.isBoolean() && !"checkbox".equals(field.type())) {
        options.add(new OptionView(messages.getMessage("form.boolean.true", null, "是", locale), "true"));
        options.add(new OptionView(messages.getMessage("form.boolean.false", null, "否", locale), "false"));
      }
      boolean required = field.validate() != null && Boolean.TRUE.equals(field.validate().required());
      String condition = field.properties() == null ? null : field.properties().get("requiredWhen");
      Object value = values.get(field.key());
      fields.add(new FieldView(field.key(), messages.getMessage(labelKey(form, field), null, field.label(), locale),
          field.type(), required, condition, field.validate() == null ? null : field.validate().maxLength(), options,
          value == null ? null : value.toString(), byField.get(field.key())));
    }
    return new FormView(fields, other);
  }

  public boolean hasErrors() {
    return !otherErrors.isEmpty() || fields.stream().anyMatch(f -> f.error() != null);
  }
}
