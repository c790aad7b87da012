package io.greenroom.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Stops the start when the database can only be read (see
 * {@link DatabaseReadOnlyException}) or, for H2, when what start-up wrote cannot reach
 * the disk; {@link DatabaseFailureAnalyzer} says what to do.
 */
@Component
class DatabaseWritableCheck implements InitializingBean {

	private final DataSource dataSource;

	DatabaseWritableCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			if (connection.getMetaData().isReadOnly()) {
				throw new DatabaseReadOnlyException();
			}
			if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
				// H2 writes in the background and, when a write fails, closes the
				// database
				// for good: a full disk would show only at the first query after start.
				try (Statement statement = connection.createStatement()) {
					statement.execute("CHECKPOINT SYNC");
				}
			}
		}
	}

}
