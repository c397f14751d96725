package cn.credit.workflow.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Reads the task forms of {@code forms/}; a user task names its form as {@code camunda:formKey="app:NAME"}. */
@Component
public class TaskForms {

  private static final String PREFIX = "app:";

  private final ObjectMapper json;
  private final Map<String, TaskForm> cache = new ConcurrentHashMap<>();

  TaskForms(ObjectMapper json) {
    this.json = json;
  }

  public Optional<TaskForm> forKey(String formKey) {
    if (formKey == null || !formKey.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String name = formKey.substring(PREFIX.length());
    if (!name.matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    return Optional.of(cache.computeIfAbsent(name, this::load));
  }

  private TaskForm load(String name) {
    ClassPathResource resource = new ClassPathResource("forms/" + name + ".form");
    try (InputStream in = resource.getInputStream()) {
      return json.readValue(in, TaskForm.class);
    } catch (IOException e) {
      throw new IllegalStateException("task form forms/" + name + ".form cannot be read", e);
    }
  }
}
