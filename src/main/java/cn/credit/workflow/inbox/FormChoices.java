package cn.credit.workflow.inbox;

import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.record.JointMeasures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The choices a form's field takes from the application rather than from the form file: named by
 * the field's {@code properties.options}. {@code departments}: every department of the directory,
 * by name (a select, not a typed code); {@code memberDepartments}: the case's joint-punishment
 * members, whose measures a granted repair lifts (the process keeps them as it grants);
 * {@code ownMeasures}: the measures the task's own member department lifts ({@code joint_measure}).
 */
@Component
class FormChoices {

  static final String OPTIONS = "options";

  private final Departments departments;
  private final CaseTasks steps;
  private final Cases cases;
  private final JointMeasures measures;
  private final MessageSource messages;

  FormChoices(Departments departments, CaseTasks steps, Cases cases, JointMeasures measures, MessageSource messages) {
    this.departments = departments;
    this.steps = steps;
    this.cases = cases;
    this.measures = measures;
    this.messages = messages;
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
      } else if ("ownMeasures".equals(source)) {
        choices.put(source, ownMeasures(taskId, locale));
      }
    }
    return choices;
  }

  /** The measures the confirming department lifts for the case's record; a line saying so when it has none recorded. */
  private List<FormView.OptionView> ownMeasures(String taskId, Locale locale) {
    Map<String, Object> variables = steps.variablesOf(taskId);
    List<FormView.OptionView> own = new ArrayList<>();
    if (variables.get("caseRef") instanceof String caseRef && variables.get("memberDepartment") instanceof String member) {
      cases.partyOf(caseRef).map(CaseParty::recordId).ifPresent(recordId -> measures.toLift(recordId, member)
          .forEach(m -> own.add(new FormView.OptionView(m.nameIn(locale), String.valueOf(m.getId())))));
    }
    if (own.isEmpty()) {
      own.add(new FormView.OptionView(messages.getMessage("measures.noneRecorded", null, locale), ""));
    }
    return own;
  }

  private static FormView.OptionView option(Department department, Locale locale) {
    return new FormView.OptionView("en".equals(locale.getLanguage()) ? department.getNameEn() : department.getNameZh(),
        department.getCode());
  }
}
