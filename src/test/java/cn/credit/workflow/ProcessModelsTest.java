package cn.credit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House rules every model in processes/ keeps, checked on the files a credit officer opens. */
class ProcessModelsTest {

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).toList();
    }
  }

  @Test
  void thereAreModels() throws IOException {
    assertThat(models()).isNotEmpty();
  }

  @Test
  void everyExecutableModelHasAHistoryTimeToLive() throws IOException {
    for (Path model : models()) {
      String xml = Files.readString(model);
      assertThat(xml).as(model + " has camunda:historyTimeToLive").contains("camunda:historyTimeToLive=\"");
    }
  }

  @Test
  void timersAndDueDatesComeFromTheWorkingDayCalendarNotFromDurations() throws IOException {
    Pattern literalDuration = Pattern.compile(">\\s*-?P(\\d|T)[^<]*<");
    for (Path model : models()) {
      String xml = Files.readString(model);
      assertThat(xml).as(model + ": no timeDuration or timeCycle literals").doesNotContain("timeDuration").doesNotContain("timeCycle");
      assertThat(literalDuration.matcher(xml).find()).as(model + ": no ISO durations such as P3D").isFalse();
      assertThat(xml).as(model + ": due dates are expressions").doesNotContainPattern("dueDate=\"P");
    }
  }

  @Test
  void formKeysAreLiterals() throws IOException {
    // the inbox reads a task's form key as the model writes it (FormService.getTaskFormKey), unevaluated
    for (Path model : models()) {
      assertThat(Files.readString(model)).as(model + ": camunda:formKey without an expression")
          .doesNotContainPattern("camunda:formKey=\"[^\"]*[$#]\\{");
    }
  }

  @Test
  void everyModelHasADiagramForTheModeler() throws IOException {
    for (Path model : models()) {
      if (model.toString().endsWith(".bpmn")) {
        assertThat(Files.readString(model)).as(model + " has a diagram").contains("<bpmndi:BPMNDiagram");
      }
    }
  }
}
