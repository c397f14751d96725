package cn.credit.workflow.inbox;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.process.CaseTasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The choices a form's field takes from the application rather than from the form file: named by
 * the field's {@code properties.options}. {@code departments}: every department of the directory,
 * by name (a select, not a typed code); {@code memberDepartments}: the case's joint-punishment
 * members, whose measures a granted repair lifts (the process keeps them as it grants).
 */
@Component
class FormChoices {

  static final String OPTIONS = "options";

  private final Departments departments;
  private final CaseTasks steps;

  FormChoices(Departments departments, CaseTasks steps) {
    this.departments = departments;
    this.steps = steps;
  }

  Map<String, List<FormView.OptionView>> of(TaskForm form, String taskId, Locale locale) {
    Map<String, List<FormView.OptionView>> choices = new HashMap<>();
    for (TaskForm.Field field : form.components()) {
      String source = field.properties() == null ? null : field.properties().get(OPTIONS);
      if ("departments".equals(source)) {
        choices.put(source, departments.findAllByOrderBySortOrder().stream().map(d -> option(d, locale)).toList());
      } else if ("memberDepartments".equals(source)) {
        List<FormView.OptionView> members = new ArrayList<>();
        if (steps.variablesOf(taskId).get("memberDepartments") instanceof List<?> codes) {
          codes.forEach(code -> departments.findById(String.valueOf(code)).ifPresent(d -> members.add(option(d, locale))));
        }
        choices.put(source, members);
      }
    }
    return choices;
  }

  private static FormView.OptionView option(Department department, Locale locale) {
    return new FormView.OptionView("en".equals(locale.getLanguage()) ? department.getNameEn() : department.getNameZh(),
        department.getCode());
  }
}
