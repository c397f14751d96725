package cn.credit.workflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The steps a person can filter the inbox by: the user tasks of the deployed case models, read
 * from the latest version of each model (once per version).
 */
@Component
public class StepNames {

  /** The case processes whose steps appear in the inbox, in the order a filter lists them. */
  public static final List<String> PROCESSES = List.of(ModelNames.Repair.PROCESS, ModelNames.Dispute.PROCESS,
      ModelNames.Signing.PROCESS);

  public record Step(String process, String key, String name) {}

  private final RepositoryService repository;
  private final Map<String, List<Step>> byDefinition = new ConcurrentHashMap<>();

  StepNames(RepositoryService repository) {
    this.repository = repository;
  }

  public List<Step> all() {
    List<Step> steps = new ArrayList<>();
    for (String key : PROCESSES) {
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult();
      if (latest != null) {
        steps.addAll(byDefinition.computeIfAbsent(latest.getId(), id -> repository.getBpmnModelInstance(id)
            .getModelElementsByType(UserTask.class).stream()
            .map(task -> new Step(key, task.getId(), task.getName() == null ? task.getId() : task.getName()))
            .toList()));
      }
    }
    return steps;
  }
}
