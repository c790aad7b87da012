package io.greenroom.web.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.greenroom.stream.Names;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * An app, slot or layout name that follows {@link Names}' rule. A bad name gets exactly
 * one message, the one that says what to fix: empty, too long, or a character not
 * allowed.
 */
@Documented
@Constraint(validatedBy = ValidName.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface ValidName {

	String message() default Names.RULE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidName, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			String problem = Names.problem(value);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
				.addConstraintViolation();
			return false;
		}

	}

}
