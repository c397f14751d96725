package cn.credit.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
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

  private static final String RETURN_NAME = "退回";
  private static final Pattern RETURNED = Pattern.compile("\\$\\{" + ModelNames.RETURNS_BEAN
      + "\\.returned\\(execution, '(\\w+)', '(\\w+)', '(\\w+)'\\)}");

  /**
   * 退回 (ADR 0008) is drawn, never hidden: each flow named 退回 leaves the outcome gateway of the user
   * task it returns from, reaches an earlier user task through join gateways only, records the return
   * with the bean's take listener naming both tasks, and that task takes the person the return chose.
   */
  @Test
  void everyReturnIsAFlowNamedReturnFromAStepsOutcomeToAnEarlierStepThatTakesWhoeverDidIt() throws IOException {
    List<String> returns = new ArrayList<>();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        List<String> listeners = flow.getExtensionElements() == null ? List.of()
            : flow.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
                .map(CamundaExecutionListener::getCamundaExpression).filter(e -> e != null && e.contains(ModelNames.RETURNS_BEAN))
                .toList();
        if (!RETURN_NAME.equals(flow.getName()) && listeners.isEmpty()) {
          continue;
        }
        String where = file.getFileName() + " " + flow.getId();
        assertThat(flow.getName()).as(where + " is named").isEqualTo(RETURN_NAME);
        assertThat(listeners).as(where + " records the return").hasSize(1);
        Matcher call = RETURNED.matcher(listeners.get(0));
        assertThat(call.matches()).as(where + ": " + listeners.get(0)).isTrue();
        FlowNode gateway = flow.getSource();
        assertThat(gateway).as(where + " leaves an outcome gateway").isInstanceOf(ExclusiveGateway.class);
        assertThat(gateway.getPreviousNodes().list()).as(where + " leaves the outcome of " + call.group(1))
            .extracting(FlowNode::getId).containsExactly(call.group(1));
        FlowNode target = flow.getTarget();
        while (target instanceof ExclusiveGateway join) {
          assertThat(join.getOutgoing()).as(where + ": " + join.getId() + " is a join").hasSize(1);
          target = join.getOutgoing().iterator().next().getTarget();
        }
        assertThat(target).as(where + " reaches a user task").isInstanceOf(UserTask.class);
        assertThat(target.getId()).as(where + " reaches the step it names").isEqualTo(call.group(2));
        assertThat(((UserTask) target).getCamundaAssignee()).as(where + ": " + target.getId() + " takes the person chosen")
            .isEqualTo("${" + ModelNames.RETURNS_BEAN + ".returnedTo(execution)}");
        returns.add(call.group(1) + "→" + call.group(2));
      }
    }
    assertThat(returns).as("the returns the models allow").containsExactlyInAnyOrder(
        ModelNames.Repair.LEADER_SIGN_OFF + "→" + ModelNames.Repair.VERIFY_AND_DECIDE,
        ModelNames.Dispute.VERIFY + "→" + ModelNames.Dispute.TRIAGE);
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).toList();
    }
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
