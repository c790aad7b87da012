package io.greenroom.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes an online backup of the H2 database with H2's {@code BACKUP TO}: a zip holding a
 * consistent copy of the database file, written while Greenroom keeps answering. Unzipped
 * into an empty data directory it is a database Greenroom starts on. A PostgreSQL
 * database is backed up with {@code pg_dump} instead (see docs/deploy.md).
 */
@Component
public class DatabaseBackup {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBackup.class);

	private final DataSource dataSource;

	private final boolean h2;

	DatabaseBackup(DataSource dataSource) throws SQLException {
		this.dataSource = dataSource;
		try (Connection connection = dataSource.getConnection()) {
			this.h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

	/**
	 * Whether this database can be backed up from within Greenroom (H2), rather than with
	 * the database server's own tools.
	 */
	public boolean available() {
		return this.h2;
	}

	/**
	 * Writes a zip of the database to {@code target}, which must not exist yet.
	 */
	public void backUpTo(Path target) throws IOException {
		if (!this.h2) {
			throw new IllegalStateException("Only an H2 database is backed up by Greenroom; use pg_dump");
		}
		String file = target.toAbsolutePath().toString();
		long started = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("BACKUP TO '" + file.replace("'", "''") + "'");
		}
		catch (SQLException ex) {
			throw new IOException("The H2 backup failed: " + ex.getMessage(), ex);
		}
		logger.info("Backed up the database ({} bytes) in {} ms", Files.size(target),
				(System.nanoTime() - started) / 1_000_000);
	}

}
