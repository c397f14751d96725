package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.inbox.TaskCompletionHook;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.RecordDates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The dispute case's rules on completing its tasks, beyond what the forms check. */
@Component
class DisputeTaskHook implements TaskCompletionHook {

  private final DisputeService disputes;
  private final Departments departments;
  private final Clock clock;

  DisputeTaskHook(DisputeService disputes, Departments departments, Clock clock) {
    this.disputes = disputes;
    this.departments = departments;
    this.clock = clock;
  }

  @Override
  public CaseKind kind() {
    return CaseKind.DISPUTE;
  }

  @Override
  public List<String> check(String taskKey, Map<String, Object> processVariables, Map<String, Object> values) {
    List<String> errors = new ArrayList<>();
    if (!ModelNames.Dispute.VERIFY.equals(taskKey) && !ModelNames.Dispute.VERIFY_ASSISTED.equals(taskKey)) {
      return errors;
    }
    Object outcome = values.get("outcome");
    if ("extend".equals(outcome) && Boolean.TRUE.equals(processVariables.get("extensionUsed"))) {
      errors.add("outcome: 核查期限只能延长一次 / the time limit may be extended once only");
    }
    if ("assist".equals(outcome)) {
      Object helper = values.get("assistDepartment");
      if (helper != null && (!departments.existsById(helper.toString())
          || helper.equals(processVariables.get("departmentCode")))) {
        errors.add("assistDepartment: 请选择另一个部门协助 / choose another existing department");
      }
    }
    if ("correct".equals(outcome)) {
      boolean any = false;
      for (String field : List.of("correctedTitle", "correctedContent", "correctedDecisionDate", "correctedTermEndDate")) {
        Object value = values.get(field);
        any |= value != null && !value.toString().isBlank();
      }
      errors.addAll(RecordDates.problems("correctedDecisionDate", date(values, "correctedDecisionDate", errors),
          "correctedTermEndDate", date(values, "correctedTermEndDate", errors), LocalDate.now(clock)));
      if (!any || (errors.isEmpty() && !disputes.wouldChange(((Number) processVariables.get("disputeId")).longValue(), values))) {
        errors.add("correctedTitle: 更正时请填写至少一项与现有内容不同的更正后内容 / a correction changes at least one field");
      }
    }
    return errors;
  }

  /** The date given in a field, or null when none is given or it is no date (then with a message). */
  private static LocalDate date(Map<String, Object> values, String field, List<String> errors) {
    Object value = values.get(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      errors.add(field + ": 日期格式应为 yyyy-mm-dd / a date like 2026-03-01");
      return null;
    }
  }

  @Override
  public void beforeComplete(String caseRef, String taskKey, Map<String, Object> values, String username) {
    if (ModelNames.Signing.SIGN.equals(taskKey)) {
      disputes.recordSignature(caseRef, username, (String) values.get("signatoryName"), (Boolean) values.get("accepted"));
    }
  }
}
