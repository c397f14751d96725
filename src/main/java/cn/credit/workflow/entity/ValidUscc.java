package cn.credit.workflow.entity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A unified social credit code as GB 32100-2015 writes it, if one is given (blank is left to
 * other rules): the message says what is wrong with it, {@code uscc.length}, {@code uscc.checkDigit}, ….
 */
@Constraint(validatedBy = ValidUscc.Check.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface ValidUscc {

  String message() default "{uscc.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ValidUscc, String> {

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
      if (code == null || code.isBlank()) {
        return true;
      }
      List<String> problems = Uscc.problems(Uscc.normalize(code));
      if (problems.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate("{" + problems.get(0) + "}").addConstraintViolation();
      return false;
    }
  }
}
