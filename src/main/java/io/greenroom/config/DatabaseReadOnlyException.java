package io.greenroom.config;

/**
 * The database answered, but only for reading: H2 opens a file it may not write (a
 * read-only file, directory or disk) that way without a word, and Greenroom would then
 * fail at its first write instead of at start.
 */
public class DatabaseReadOnlyException extends RuntimeException {

	DatabaseReadOnlyException() {
		super("The database is read-only");
	}

}
