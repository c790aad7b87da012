package io.greenroom.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a malformed setting into one line at start, naming the environment variable and
 * the property and saying what form the value must take, for example
 * {@code Setting GREENROOM_OME_API_PORT (greenroom.ome.api-port) is not valid: it must be a whole number.}
 * The value itself is never repeated, as it may be a password. Registered in
 * {@code META-INF/spring.factories} ahead of Spring Boot's own analyzers, whose report
 * spreads over several lines and echoes the value.
 */
public class SettingFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final String ACTION = "Correct that environment variable (or property) and start Greenroom again. "
			+ "docs/configuration.md lists every setting with its default.";

	private final @Nullable Environment environment;

	public SettingFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		BindException bind = find(failure, BindException.class);
		if (bind != null) {
			return new FailureAnalysis(String.join("\n", describe(bind)), ACTION, failure);
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("DataSourceBeanCreationException")
					|| (cause instanceof BeanCreationException creation && "dataSource".equals(creation.getBeanName())
							&& String.valueOf(creation.getMostSpecificCause().getMessage()).contains("'url'"))) {
				return new FailureAnalysis(line("spring.datasource.url",
						"must be a JDBC URL such as jdbc:h2:file:./data/greenroom or jdbc:postgresql://db-host:5432/greenroom"),
						ACTION, failure);
			}
		}
		return null;
	}

	private List<String> describe(BindException bind) {
		BindValidationException validation = find(bind, BindValidationException.class);
		if (validation == null) {
			return List.of(line(bind.getName().toString(), expectedForm(bind.getTarget().getType())));
		}
		ConfigurationPropertyName prefix = validation.getValidationErrors().getName();
		Set<String> lines = new LinkedHashSet<>();
		for (ObjectError error : validation.getValidationErrors()) {
			String property = (error instanceof FieldError field) ? propertyName(prefix, field.getField())
					: prefix.toString();
			String message = (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "must be valid";
			lines.add(line(property, message));
		}
		return new ArrayList<>(lines);
	}

	/** {@code Setting ENV (property) is not valid: it must be FORM.} */
	private String line(String property, String rule) {
		String variable = environmentVariable(property.replaceAll("\\[\\d+]$", ""));
		String text = oneLine(rule);
		String end = text.endsWith(".") ? "" : ".";
		return "Setting " + variable + " (" + property + ") is not valid: " + (text.startsWith("must ") ? "it " : "")
				+ text + end;
	}

	private static String propertyName(ConfigurationPropertyName prefix, String field) {
		String dashed = field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		return dashed.startsWith(prefix + ".") ? dashed : prefix + "." + dashed;
	}

	/**
	 * The variable application.properties reads the property from, else the one Spring's
	 * relaxed binding maps to it.
	 */
	private String environmentVariable(String property) {
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				Object raw = source.getProperty(property);
				if (raw != null && source.getName().contains("application.properties")) {
					Matcher matcher = ENVIRONMENT_VARIABLE.matcher(raw.toString());
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
			}
		}
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
	}

	private static String expectedForm(ResolvableType type) {
		Class<?> raw = type.resolve(Object.class);
		if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
			return "must be a whole number";
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return "must be true or false";
		}
		if (raw == Duration.class) {
			return "must be a duration such as 30s, 5m or 1h";
		}
		if (raw == DataSize.class) {
			return "must be a size such as 64KB or 10MB";
		}
		if (raw.isEnum()) {
			List<String> names = new ArrayList<>();
			for (Object constant : raw.getEnumConstants()) {
				names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
			}
			return "must be one of " + String.join(", ", names);
		}
		if (List.class.isAssignableFrom(raw) || raw.isArray()) {
			return "must be a comma-separated list";
		}
		return "must be a " + raw.getSimpleName();
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ");
	}

	private static <T extends Throwable> @Nullable T find(@Nullable Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
