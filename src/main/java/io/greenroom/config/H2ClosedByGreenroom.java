package io.greenroom.config;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leaves closing an H2 database to Greenroom rather than to H2's own shutdown hook.
 * <p>
 * Unless its URL says {@code DB_CLOSE_ON_EXIT=FALSE}, H2 closes a file database from a
 * JVM shutdown hook of its own, which runs beside Spring's: on a stop under load it
 * closed the database while the session writer was still recording publishes already
 * answered, so those records were lost and the log filled with stack traces. With the
 * setting, H2 closes when the connection pool does, after everything that writes has
 * stopped. Any H2 URL gets it, the default and one a producer sets alike, unless it names
 * the setting itself.
 */
@Configuration(proxyBeanMethods = false)
class H2ClosedByGreenroom {

	static final String SETTING = ";DB_CLOSE_ON_EXIT=FALSE";

	@Bean
	static BeanPostProcessor h2ClosedAfterItsWriters() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
					hikari.setJdbcUrl(closedByGreenroom(hikari.getJdbcUrl()));
				}
				return bean;
			}

		};
	}

	/** The URL with {@link #SETTING} added, if it is H2's and does not name it. */
	static String closedByGreenroom(String url) {
		String upper = url.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("JDBC:H2:") || upper.contains("DB_CLOSE_ON_EXIT")) {
			return url;
		}
		return url + SETTING;
	}

}
