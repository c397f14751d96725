package cn.credit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import cn.credit.workflow.process.ModelNames;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
  void everyDepartmentTaskWithADeadlineDrawsItsThreeDeadlineTimers() throws IOException {
    // ADR 0003: a task offered to a department, with a due date, carries reminder, overdue and city
    // escalation as non-interrupting boundary timers with a calendar expression, each to its action
    for (Path model : models()) {
      if (!model.toString().endsWith(".bpmn")) {
        continue;
      }
      BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
      for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaCandidateGroups() == null || task.getCamundaDueDate() == null) {
          continue;
        }
        for (String ending : List.of(ModelNames.REMINDER_TIMER, ModelNames.OVERDUE_TIMER, ModelNames.CITY_TIMER)) {
          String id = task.getId() + ending;
          BoundaryEvent timer = instance.getModelElementById(id);
          assertThat(timer).as(model + ": " + id).isNotNull();
          assertThat(timer.getAttachedTo().getId()).as(id + " is on " + task.getId()).isEqualTo(task.getId());
          assertThat(timer.cancelActivity()).as(id + " does not interrupt the task").isFalse();
          TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
          assertThat(definition.getTimeDate().getTextContent()).as(id + ": a date from the calendar")
              .startsWith("${deadlines.");
          assertThat(timer.getOutgoing()).singleElement()
              .satisfies(flow -> assertThat(flow.getTarget().getId()).isEqualTo(id + "Action"));
        }
      }
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
