package cn.credit.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** Each kind of case names a model that exists, and a case's reference tells its kind and no other. */
class CaseKindTest {

  @Test
  void everyKindIsAnExecutableProcessOfTheModels() throws IOException {
    Set<String> processes;
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      List<Path> models = files.filter(p -> p.toString().endsWith(".bpmn")).toList();
      processes = models.stream().flatMap(model -> Bpmn.readModelFromFile(model.toFile())
              .getModelElementsByType(Process.class).stream())
          .filter(Process::isExecutable).map(Process::getId).collect(Collectors.toSet());
    }
    assertThat(Arrays.stream(CaseKind.values()).map(CaseKind::processKey)).allMatch(processes::contains);
  }

  @Test
  void aReferenceTellsItsKind() {
    for (CaseKind kind : CaseKind.values()) {
      String reference = kind.reference(2026, 42);
      assertThat(reference).endsWith("-2026-000042");
      assertThat(CaseKind.ofReference(reference)).contains(kind);
      assertThat(Arrays.stream(CaseKind.values()).filter(k -> k.owns(reference))).containsExactly(kind);
    }
    assertThat(CaseKind.ofReference("X-2026-000001")).isEmpty();
    assertThat(CaseKind.ofReference(null)).isEmpty();
    assertThat(CaseKind.REPAIR.owns(null)).isFalse();
  }
}
