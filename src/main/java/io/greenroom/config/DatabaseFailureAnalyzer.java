package io.greenroom.config;

import java.sql.SQLException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns a database that cannot be opened at start into a few plain lines instead of
 * Hikari's and Flyway's stack traces: the H2 file in use by another process, on a full
 * disk, read-only or damaged, and a PostgreSQL server that refuses the connection or the
 * password, and a database H2 opened read-only ({@link DatabaseReadOnlyException}). The
 * JDBC URL is never printed, as it may carry a password; the H2 file's path, which H2
 * puts in its own message, is. Spring Boot then exits with status 1.
 */
public class DatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

	/** H2's error codes ({@code org.h2.api.ErrorCode}), kept here as plain numbers. */
	static final int H2_DATABASE_ALREADY_OPEN = 90020;

	static final int H2_FILE_CORRUPTED = 90030;

	static final int H2_DATABASE_IS_READ_ONLY = 90097;

	private static final String SETTING = "GREENROOM_DB_URL (spring.datasource.url)";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		SQLException sql = null;
		boolean readOnly = false;
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (sql == null && cause instanceof SQLException found) {
				sql = found;
			}
			readOnly |= cause instanceof DatabaseReadOnlyException;
			messages.append(' ').append(cause.getMessage());
			if (cause.getCause() == cause) {
				break;
			}
		}
		String all = messages.toString().toLowerCase(Locale.ROOT);
		if (all.contains("no space left on device") || all.contains("disk full")) {
			return analysis("The disk that holds Greenroom's database is full: nothing could be written to it.",
					"Free space on that disk (or move the data directory to a larger one) and start Greenroom again. "
							+ "Nothing was changed in the database.");
		}
		if (readOnly) {
			return readOnly();
		}
		if (sql == null) {
			return null;
		}
		int code = sql.getErrorCode();
		String state = String.valueOf(sql.getSQLState());
		if (code == H2_DATABASE_ALREADY_OPEN) {
			return analysis("Greenroom's H2 database is in use by another process: " + h2File(sql) + ".",
					"H2 lets one process open the file at a time. Stop the other Greenroom (or the H2 console or tool "
							+ "that has the file open) and start Greenroom again.");
		}
		if (code == H2_DATABASE_IS_READ_ONLY || all.contains("read-only file system")
				|| all.contains("permission denied") || all.contains("accessdeniedexception")) {
			return readOnly();
		}
		if (code == H2_FILE_CORRUPTED) {
			return analysis("Greenroom's H2 database file is damaged: " + h2File(sql) + ".",
					"Restore the last backup (docs/deploy.md, Upgrades and backups) into the data directory and "
							+ "start Greenroom again. Keep the damaged file aside instead of deleting it.");
		}
		if (state.startsWith("08")) {
			return analysis("Greenroom could not connect to its database server: " + oneLine(sql.getMessage()),
					"Check that the database server runs and that " + SETTING
							+ " names its host and port, and start Greenroom again.");
		}
		if ("28P01".equals(state) || "28000".equals(state)) {
			return analysis("The database server refused Greenroom's user name or password.",
					"Correct GREENROOM_DB_USERNAME and GREENROOM_DB_PASSWORD and start Greenroom again.");
		}
		if (code >= 90000 && code < 91000 && state.startsWith("90")) {
			return analysis("Greenroom could not open its H2 database: " + h2File(sql) + ".",
					"Check that " + SETTING + " names a file Greenroom may create and write "
							+ "(jdbc:h2:file:/path/to/greenroom), and start Greenroom again.");
		}
		if ("3D000".equals(state)) {
			return analysis("The database named in " + SETTING + " does not exist on the server.",
					"Create it or correct the setting, and start Greenroom again.");
		}
		return null;
	}

	private static FailureAnalysis readOnly() {
		return analysis("Greenroom's database cannot be written: the file, its directory or its disk is read-only.",
				"Give the user Greenroom runs as write access to the data directory (and the files in it), "
						+ "and start Greenroom again.");
	}

	private static FailureAnalysis analysis(String description, String action) {
		return new FailureAnalysis(description, action, null);
	}

	/** The file H2 names in its message ({@code ... [90020-240]}), without the codes. */
	private static String h2File(SQLException sql) {
		String message = oneLine(sql.getMessage());
		int bracket = message.lastIndexOf(" [");
		return (bracket > 0) ? message.substring(0, bracket) : message;
	}

	private static String oneLine(@Nullable String text) {
		return (text != null) ? text.replaceAll("\\s+", " ").trim() : "";
	}

}
