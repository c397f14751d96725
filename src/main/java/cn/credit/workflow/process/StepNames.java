package cn.credit.workflow.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The names of the models' elements as people read them. A model carries the Chinese name only;
 * every language's name is in the message bundles under {@code bpmn.<process key>.<element id>}
 * ({@code ModelTextsTest} keeps the two in step). Also the steps a person can filter the inbox by:
 * the user tasks of the latest version of each case model (read once per version).
 */
@Component
public class StepNames {

  /** The case processes whose steps appear in the inbox, in the order a filter lists them. */
  public static final List<String> PROCESSES = List.of(ModelNames.Repair.PROCESS, ModelNames.Dispute.PROCESS,
      ModelNames.Signing.PROCESS);

  /** A user task of a model; {@code name} is the model's own (Chinese) name. */
  public record Step(String process, String key, String name) {}

  private final RepositoryService repository;
  private final MessageSource messages;
  private final Map<String, List<Step>> byDefinition = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> namesByDefinition = new ConcurrentHashMap<>();

  StepNames(RepositoryService repository, MessageSource messages) {
    this.repository = repository;
    this.messages = messages;
  }

  /** The bundle key of a model element's name. */
  public static String key(String processKey, String elementId) {
    return "bpmn." + processKey + "." + elementId;
  }

  /**
   * A model element's name in {@code locale}: the bundle's name, else the name in the latest model
   * (Chinese), else the element id.
   */
  public String nameOf(String processKey, String elementId, Locale locale) {
    return nameOf(processKey, elementId, null, locale);
  }

  /**
   * The same, with a name kept from the time the step ran (a work item's, a task's) as the last
   * fallback before the id, for an element that is in no deployed model any more.
   */
  public String nameOf(String processKey, String elementId, String kept, Locale locale) {
    if (processKey != null && elementId != null) {
      String named = messages.getMessage(key(processKey, elementId), null, null, locale);
      if (named != null) {
        return named;
      }
      String inModel = modelNames(processKey).get(elementId);
      if (inModel != null) {
        return inModel;
      }
    }
    return kept != null ? kept : elementId;
  }

  public List<Step> all() {
    List<Step> steps = new ArrayList<>();
    for (String key : PROCESSES) {
      ProcessDefinition latest = latest(key);
      if (latest != null) {
        steps.addAll(byDefinition.computeIfAbsent(latest.getId(), id -> repository.getBpmnModelInstance(id)
            .getModelElementsByType(UserTask.class).stream()
            .map(task -> new Step(key, task.getId(), task.getName() == null ? task.getId() : task.getName()))
            .toList()));
      }
    }
    return steps;
  }

  private Map<String, String> modelNames(String processKey) {
    ProcessDefinition latest = latest(processKey);
    if (latest == null) {
      return Map.of();
    }
    return namesByDefinition.computeIfAbsent(latest.getId(), id -> {
      Map<String, String> names = new HashMap<>();
      repository.getBpmnModelInstance(id).getModelElementsByType(FlowElement.class).stream()
          .filter(element -> element.getName() != null)
          .forEach(element -> names.put(element.getId(), element.getName()));
      return names;
    });
  }

  private ProcessDefinition latest(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
  }
}
