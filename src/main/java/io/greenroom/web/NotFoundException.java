package io.greenroom.web;

/**
 * Answered with 404 and the error page.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
