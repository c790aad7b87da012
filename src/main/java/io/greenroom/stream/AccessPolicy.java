package io.greenroom.stream;

/**
 * Who may watch an app and what a second publisher on a live slot gets.
 *
 * @param privateViewing whether viewers need a signed link
 * @param onDuplicate what happens to a second publisher on a live slot
 */
public record AccessPolicy(boolean privateViewing, DuplicatePublisher onDuplicate) {

	public static AccessPolicy defaults() {
		return new AccessPolicy(false, DuplicatePublisher.DENY);
	}

}
