package cn.credit.workflow.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The services' refusals ("field: 中文 / English") as a page shows them: each message beside its
 * field, in the page's language. Templates call it as {@code @fieldErrors.of(errors, #locale)}.
 */
@Component("fieldErrors")
public class FieldErrors {

  /** A field's name, or a path into a JSON body: recordId, days[0].kind. */
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\[\\d+])*(\\.[A-Za-z][A-Za-z0-9]*(\\[\\d+])*)*");

  /** Field name → its messages; messages about no particular field are under "". */
  public Map<String, String> of(List<String> errors, Locale locale) {
    return byField(errors, locale);
  }

  public static Map<String, String> byField(List<String> errors, Locale locale) {
    Map<String, String> byField = new LinkedHashMap<>();
    if (errors == null) {
      return byField;
    }
    for (String error : errors) {
      String field = fieldOf(error);
      // a page's fields are plain names; a message about days[0] goes above the form
      String key = field.matches("[A-Za-z]+") ? field : "";
      byField.merge(key, localized(key.isEmpty() ? error : messageOf(error), locale), (a, b) -> a + "；" + b);
    }
    return byField;
  }

  /** The field a refusal "field: message" is about; "" when it names none. */
  public static String fieldOf(String error) {
    int colon = error.indexOf(": ");
    return colon > 0 && FIELD.matcher(error.substring(0, colon)).matches() ? error.substring(0, colon) : "";
  }

  /** A refusal without the field it names. */
  public static String messageOf(String error) {
    String field = fieldOf(error);
    return field.isEmpty() ? error : error.substring(field.length() + 2);
  }

  /**
   * Forms and checks speak both languages in one string ("受理结论 Outcome", "… 必填 / is
   * required"); a page shows the part in its own language.
   */
  public static String localized(String text, Locale locale) {
    if (text == null) {
      return null;
    }
    boolean english = "en".equals(locale.getLanguage());
    int slash = text.indexOf(" / ");
    if (slash > 0) {
      return english ? text.substring(slash + 3) : text.substring(0, slash);
    }
    if (text.isEmpty() || Character.UnicodeScript.of(text.charAt(0)) != Character.UnicodeScript.HAN) {
      return text;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (text.charAt(i - 1) == ' ' && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return english ? text.substring(i) : text.substring(0, i - 1);
      }
    }
    return text;
  }
}
