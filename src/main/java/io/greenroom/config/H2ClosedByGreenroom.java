package io.greenroom.config;

import java.util.List;
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
 * stopped.
 * <p>
 * H2 also spends up to 200 ms compacting its file when it closes
 * ({@code MAX_COMPACT_TIME}), and while Greenroom stops nobody can publish or join: with
 * {@code MAX_COMPACT_TIME=0} the file is left as it is (H2 reuses its free space while it
 * runs).
 * <p>
 * Any H2 URL gets both, the default and one a producer sets alike, unless it names the
 * setting itself.
 */
@Configuration(proxyBeanMethods = false)
class H2ClosedByGreenroom {

	/** What is added, each unless the URL names it. */
	static final List<String> SETTINGS = List.of("DB_CLOSE_ON_EXIT=FALSE", "MAX_COMPACT_TIME=0");

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

	/** The URL with {@link #SETTINGS} added, if it is H2's, each unless it names it. */
	static String closedByGreenroom(String url) {
		String upper = url.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("JDBC:H2:")) {
			return url;
		}
		StringBuilder closed = new StringBuilder(url);
		for (String setting : SETTINGS) {
			if (!upper.contains(setting.substring(0, setting.indexOf('=') + 1))) {
				closed.append(';').append(setting);
			}
		}
		return closed.toString();
	}

}
