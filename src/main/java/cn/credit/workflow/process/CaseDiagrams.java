package cn.credit.workflow.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The engine side of the case diagram: the model the case runs on, its current and finished steps. */
@Component
public class CaseDiagrams {

  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  private final MessageSource messages;

  CaseDiagrams(HistoryService history, RuntimeService runtime, RepositoryService repository, MessageSource messages) {
    this.messages = messages;
    this.history = history;
    this.runtime = runtime;
    this.repository = repository;
  }

  /** The model's XML, the steps active now and the steps done, for the viewer. */
  public record Diagram(String xml, List<String> current, List<String> done) {}

  @Transactional(readOnly = true)
  public Optional<Diagram> of(String caseRef, String processKey, Locale locale) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKey(processKey).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .findFirst().orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    String xml;
    try (InputStream in = repository.getProcessModel(instance.getProcessDefinitionId())) {
      xml = named(in.readAllBytes(), processKey, locale);
    } catch (IOException e) {
      throw new IllegalStateException("the model of " + caseRef + " cannot be read", e);
    }
    List<String> current = instance.getEndTime() == null ? runtime.getActiveActivityIds(instance.getId()) : List.of();
    List<String> done = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
        .list().stream().map(HistoricActivityInstance::getActivityId).distinct().toList();
    return Optional.of(new Diagram(xml, current, done));
  }

  /**
   * The model as drawn in the reader's language: the model carries Chinese names, another language
   * gets each element's name from the bundle ({@code bpmn.<process>.<element>}) where it has one.
   */
  private String named(byte[] model, String processKey, Locale locale) {
    if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
      return new String(model, StandardCharsets.UTF_8);
    }
    BpmnModelInstance instance = Bpmn.readModelFromStream(new ByteArrayInputStream(model));
    for (BaseElement element : instance.getModelElementsByType(BaseElement.class)) {
      if (element.getAttributeValue("name") != null && !(element instanceof Message)) {
        String name = messages.getMessage(StepNames.key(processKey, element.getId()), null, null, locale);
        if (name != null) {
          element.setAttributeValue("name", name);
        }
      }
    }
    return Bpmn.convertToString(instance);
  }
}
