package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.inbox.TaskCompletionHook;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.RecordDates;
import cn.credit.workflow.system.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
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
  public List<FieldProblem> check(String taskKey, Map<String, Object> processVariables, Map<String, Object> values) {
    List<FieldProblem> errors = new ArrayList<>();
    if (!ModelNames.Dispute.VERIFY.equals(taskKey) && !ModelNames.Dispute.VERIFY_ASSISTED.equals(taskKey)) {
      return errors;
    }
    Object outcome = values.get("outcome");
    if ("extend".equals(outcome) && Boolean.TRUE.equals(processVariables.get("extensionUsed"))) {
      errors.add(FieldProblem.of("outcome", "dispute.extension.once"));
    }
    // 令 36 art. 18: an extension is told to the applicant in advance, so none once the limit has passed
    if ("extend".equals(outcome) && processVariables.get("verifyDue") instanceof Date due
        && clock.instant().isAfter(due.toInstant())) {
      errors.add(FieldProblem.of("outcome", "dispute.extension.late", due.toInstant().atZone(clock.getZone()).toLocalDate()));
    }
    if ("assist".equals(outcome)) {
      Object helper = values.get("assistDepartment");
      if (helper != null && (!departments.existsById(helper.toString())
          || helper.equals(processVariables.get("departmentCode")))) {
        errors.add(FieldProblem.of("assistDepartment", "dispute.assist.other"));
      }
    }
    // upheld against a refusal: the refusal is revoked, nothing of the record is corrected
    if ("correct".equals(outcome) && !disputes.contestsARefusal(((Number) processVariables.get("disputeId")).longValue())) {
      boolean any = false;
      for (String field : List.of("correctedTitle", "correctedContent", "correctedDecisionDate", "correctedTermEndDate",
          "correctedSeverity", "correctedType")) {
        Object value = values.get(field);
        any |= value != null && !value.toString().isBlank();
      }
      errors.addAll(RecordDates.problems("correctedDecisionDate", date(values, "correctedDecisionDate", errors),
          "correctedTermEndDate", date(values, "correctedTermEndDate", errors), LocalDate.now(clock)));
      if (!any || (errors.isEmpty() && !disputes.wouldChange(((Number) processVariables.get("disputeId")).longValue(), values))) {
        errors.add(FieldProblem.of("correctedTitle", "dispute.correction.changesNothing"));
      }
    }
    return errors;
  }

  /** The date given in a field, or null when none is given or it is no date (then with a message). */
  private static LocalDate date(Map<String, Object> values, String field, List<FieldProblem> errors) {
    Object value = values.get(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      errors.add(FieldProblem.of(field, "field.date"));
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
