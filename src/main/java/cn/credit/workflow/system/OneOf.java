package cn.credit.workflow.system;

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
import java.util.Arrays;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A text that names one of an enum's constants (a choice on a form, a value in a body): required,
 * and one of them. The messages may use {@code {values}} (the constants) and {@code {given}}.
 */
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface OneOf {

  Class<? extends Enum<?>> value();

  /** When the text names none of the constants. */
  String message() default "{field.chooseOne}";

  /** When there is no text. */
  String missing() default "{field.chooseOne}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<OneOf, String> {

    private OneOf constraint;
    private String values;

    @Override
    public void initialize(OneOf constraint) {
      this.constraint = constraint;
      this.values = Arrays.toString(constraint.value().getEnumConstants());
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      boolean blank = text == null || text.isBlank();
      if (!blank && Arrays.stream(constraint.value().getEnumConstants()).anyMatch(c -> c.name().equals(text.strip()))) {
        return true;
      }
      HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
      hibernate.addMessageParameter("values", values).addMessageParameter("given", blank ? "" : text);
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(blank ? constraint.missing() : constraint.message())
          .addConstraintViolation();
      return false;
    }
  }
}
