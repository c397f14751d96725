package cn.credit.workflow.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Bean Validation for a service's input: the constraints on a form or body record are the rules,
 * whoever calls (a page after {@code @Valid}, the API after {@code @Valid @RequestBody}, a process
 * or a test directly). Each message was worded by the validator from the bundles ({@code {key}})
 * in the request's language.
 */
@Component
public class Validity {

  private static final Comparator<FieldProblem> BY_FIELD = Comparator.comparing(FieldProblem::field);

  private final Validator validator;

  Validity(Validator validator) {
    this.validator = validator;
  }

  /** The problems of {@code form}, by field; empty when it keeps its constraints. */
  public List<FieldProblem> problems(Object form) {
    return validator.validate(form).stream().map(Validity::problem).sorted(BY_FIELD).toList();
  }

  /** Refuses {@code form} with 422 and a detail by {@code detailKey} when it breaks a constraint. */
  public void check(Object form, String detailKey, Object... args) {
    List<FieldProblem> problems = problems(form);
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, detailKey, args);
    }
  }

  /** What a page's {@code @Valid} form binding found, as the problems the page shows beside its fields. */
  public static List<FieldProblem> problems(BindingResult binding) {
    return binding.getFieldErrors().stream().map(error -> error.isBindingFailure()
        ? FieldProblem.of(error.getField(), "expected.other")
        : FieldProblem.of(error.getField(), "field.asChecked", error.getDefaultMessage())).sorted(BY_FIELD).toList();
  }

  private static FieldProblem problem(ConstraintViolation<?> violation) {
    return FieldProblem.of(violation.getPropertyPath().toString(), "field.asChecked", violation.getMessage());
  }
}
