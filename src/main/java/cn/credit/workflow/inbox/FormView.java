package cn.credit.workflow.inbox;

import cn.credit.workflow.system.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    Map<String, String> byField = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    for (String error : errors) {
      int colon = error.indexOf(": ");
      String key = colon > 0 ? error.substring(0, colon) : null;
      TaskForm.Field field = key == null ? null
          : form.components().stream().filter(f -> key.equals(f.key())).findFirst().orElse(null);
      if (field != null) {
        String message = error.substring(colon + 2);
        if (field.label() != null && message.startsWith(field.label() + " ")) {
          message = message.substring(field.label().length() + 1);
        }
        byField.merge(key, FieldErrors.localized(message, locale), (a, b) -> a + "；" + b);
      } else {
        other.add(FieldErrors.localized(error, locale));
      }
    }
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
