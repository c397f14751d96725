package cn.credit.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every label and choice of every task form has its text in both bundles
 * ({@code form.<formId>.<fieldKey>}, {@code form.<formId>.<fieldKey>.<value>}), and the form
 * itself carries the Chinese one, so that the Modeler shows what the Chinese page shows.
 */
class FormTextsTest {

  @Test
  void everyFieldAndChoiceOfEveryFormHasItsTextInBothLanguages() throws IOException {
    Properties zh = load("messages/messages.properties");
    Properties en = load("messages/messages_en.properties");
    List<String> missing = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    List<TaskForm> forms = forms();
    assertThat(forms).isNotEmpty();
    for (TaskForm form : forms) {
      for (TaskForm.Field field : form.components()) {
        if (field.label() != null) {
          check(FormView.labelKey(form, field), field.label(), zh, en, missing, differing);
        }
        if (field.values() != null) {
          for (TaskForm.Option option : field.values()) {
            check(FormView.choiceKey(form, field, option.value()), option.label(), zh, en, missing, differing);
          }
        }
      }
    }
    assertThat(missing).as("form texts missing from messages.properties or messages_en.properties").isEmpty();
    assertThat(differing).as("the form's label is not the Chinese text of its key").isEmpty();
  }

  @Test
  void aFormViewShowsTheLabelsAndChoicesInThePagesLanguage() throws IOException {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    TaskForm accept = forms().stream().filter(f -> f.id().equals("accept")).findFirst().orElseThrow();
    FormView.FieldView zh = FormView.of(accept, Map.of(), List.of(), messages, Locale.SIMPLIFIED_CHINESE).fields().get(0);
    FormView.FieldView en = FormView.of(accept, Map.of(), List.of(), messages, Locale.ENGLISH).fields().get(0);
    assertThat(zh.label()).isEqualTo("受理结论");
    assertThat(en.label()).isEqualTo("Outcome");
    assertThat(zh.options()).extracting(FormView.OptionView::label).startsWith("受理");
    assertThat(en.options()).extracting(FormView.OptionView::label).startsWith("Accept");
  }

  private static void check(String key, String label, Properties zh, Properties en, List<String> missing,
      List<String> differing) {
    if (!zh.containsKey(key) || !en.containsKey(key)) {
      missing.add(key);
    } else if (!zh.getProperty(key).equals(label)) {
      differing.add(key + ": form says '" + label + "', bundle '" + zh.getProperty(key) + "'");
    }
  }

  private static List<TaskForm> forms() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<TaskForm> forms = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
      try (var in = resource.getInputStream()) {
        forms.add(json.readValue(in, TaskForm.class));
      }
    }
    return forms;
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
