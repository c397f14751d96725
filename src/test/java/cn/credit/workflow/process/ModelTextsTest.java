package cn.credit.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The models carry Chinese names only; each named element has its name in both bundles under
 * {@code bpmn.<process id>.<element id>}, and no such key names an element that is not there.
 */
class ModelTextsTest {


  @Test
  void everyNamedElementHasItsNameInBothBundlesAndEveryKeyItsElement() throws IOException {
    Map<String, String> named = namedElements();
    assertThat(named).isNotEmpty();
    for (String bundle : new String[] {"messages/messages.properties", "messages/messages_en.properties"}) {
      Set<String> keys = load(bundle).stringPropertyNames().stream().filter(k -> k.startsWith("bpmn."))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(keys).as("bpmn. keys of " + bundle + " against the named elements of processes/")
          .containsExactlyInAnyOrderElementsOf(named.keySet());
    }
    Properties zh = load("messages/messages.properties");
    named.forEach((key, name) -> assertThat(zh.getProperty(key)).as("Chinese name of " + key).isEqualTo(name));
  }

  @Test
  void modelNamesAreChineseWithoutAnEnglishPart() throws IOException {
    namedElements().forEach((key, name) -> assertThat(name).as(key + " names in Chinese only (English in the bundle)")
        .doesNotContainPattern("[A-Za-z]"));
  }

  /** bundle key → the model's name, for every element with a name (messages are technical names). */
  private static Map<String, String> namedElements() throws IOException {
    Map<String, String> named = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String process = model.getModelElementsByType(Process.class).iterator().next().getId();
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
          String name = element.getAttributeValue("name");
          if (name != null && !(element instanceof Message)) {
            named.put(StepNames.key(process, element.getId()), name);
          }
        }
      }
    }
    return named;
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
