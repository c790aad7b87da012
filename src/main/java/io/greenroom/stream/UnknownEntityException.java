package io.greenroom.stream;

/**
 * Thrown when an app or slot id does not exist (any more). The web layer answers 404.
 */
public class UnknownEntityException extends RuntimeException {

	public UnknownEntityException(String kind, Long id) {
		super("No " + kind + " with id " + id);
	}

}
