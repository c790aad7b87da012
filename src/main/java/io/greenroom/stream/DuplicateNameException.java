package io.greenroom.stream;

/**
 * Thrown when an app or slot name is already taken. Controllers turn it into a form
 * error.
 */
public class DuplicateNameException extends RuntimeException {

	public DuplicateNameException(String message) {
		super(message);
	}

}
