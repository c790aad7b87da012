package io.greenroom.web;

/**
 * A form came back with a field its page never offered, such as a row for a slot that is
 * not in the table. Answered with 400 and the error page, logged in one line.
 */
public class TamperedFormException extends RuntimeException {

	public TamperedFormException(String message) {
		super(message);
	}

}
