package cn.credit.workflow.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Bean Validation constraint for a USCC; each problem is reported with its own message. */
@Documented
@Constraint(validatedBy = ValidUscc.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUscc {

  String message() default "{uscc.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidUscc, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      var problems = Uscc.problems(value);
      if (problems.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      problems.forEach(key -> context.buildConstraintViolationWithTemplate("{" + key + "}").addConstraintViolation());
      return false;
    }
  }
}
