package io.greenroom.stream;

/**
 * What happens when someone publishes to a slot that is already live.
 */
public enum DuplicatePublisher {

	/** The newcomer is refused; the streamer on air stays. */
	DENY,

	/** The newcomer is let in and the streamer on air is cut off. */
	REPLACE

}
