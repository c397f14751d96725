package cn.credit.workflow.inbox;

import cn.credit.workflow.system.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A task form from {@code forms/} ready for a server-rendered page: each field with its label in
 * the page's language, the value the person typed and the message about it.
 */
public record FormView(List<FieldView> fields, List<String> otherErrors) {

  public record FieldView(String key, String label, String type, boolean required, String condition,
      Integer maxLength, List<OptionView> options, String value, String error) {}

  public record OptionView(String label, String value) {}

  public static FormView of(TaskForm form, Map<String, ?> values, List<String> errors, Locale locale) {
    // every message names its field ("key: …"); those about no field of this form are shown above it
    Map<String, String> byField = FieldErrors.byField(errors, locale);
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
        field.values().forEach(o -> options.add(new OptionView(FieldErrors.localized(o.label(), locale), o.value())));
      }
      if (options.isEmpty() && field.isBoolean() && !"checkbox".equals(field.type())) {
        options.add(new OptionView(locale.getLanguage().equals("en") ? "Yes" : "是", "true"));
        options.add(new OptionView(locale.getLanguage().equals("en") ? "No" : "否", "false"));
      }
      boolean required = field.validate() != null && Boolean.TRUE.equals(field.validate().required());
      String condition = field.properties() == null ? null : field.properties().get("requiredWhen");
      Object value = values.get(field.key());
      fields.add(new FieldView(field.key(), FieldErrors.localized(field.label(), locale), field.type(), required, condition,
          field.validate() == null ? null : field.validate().maxLength(), options,
          value == null ? null : value.toString(), byField.get(field.key())));
    }
    return new FormView(fields, other);
  }

  public boolean hasErrors() {
    return !otherErrors.isEmpty() || fields.stream().anyMatch(f -> f.error() != null);
  }
}
