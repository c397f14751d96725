package cn.credit.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The constants of {@link ModelNames} and the models in processes/ name the same processes and user tasks. */
class ModelNamesTest {

  @Test
  void eachModelClassNamesItsProcessAndExactlyItsUserTasks() throws IOException {
    Map<String, Set<String>> userTasksByProcess = userTasksByProcess();
    for (Class<?> model : ModelNames.class.getDeclaredClasses()) {
      Map<String, String> constants = constants(model);
      String process = constants.remove("PROCESS");
      assertThat(userTasksByProcess).as(model.getSimpleName() + ".PROCESS is a process of the models").containsKey(process);
      assertThat(Set.copyOf(constants.values())).as("the user tasks of " + process + " and the constants of "
          + model.getSimpleName()).isEqualTo(userTasksByProcess.get(process));
    }
    Set<String> covered = Arrays.stream(ModelNames.class.getDeclaredClasses()).map(c -> constants(c).get("PROCESS"))
        .collect(Collectors.toSet());
    assertThat(covered).as("every executable model has its class in ModelNames").containsAll(userTasksByProcess.keySet());
  }

  private static Map<String, Set<String>> userTasksByProcess() throws IOException {
    Map<String, Set<String>> byProcess = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
          if (process.isExecutable()) {
            byProcess.put(process.getId(), process.getChildElementsByType(UserTask.class).stream()
                .map(UserTask::getId).collect(Collectors.toSet()));
          }
        }
      }
    }
    return byProcess;
  }

  private static Map<String, String> constants(Class<?> type) {
    Map<String, String> values = new HashMap<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          values.put(field.getName(), (String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
