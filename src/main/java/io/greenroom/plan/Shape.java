package io.greenroom.plan;

/**
 * What kind of show it is, which decides how many streams leave the server.
 */
public enum Shape {

	/** One streamer, many viewers: 1 in, one out per viewer. */
	SOLO,

	/** Several streamers to one producer's OBS: S in, S out per producer. */
	EVENT,

	/**
	 * Everyone watches everyone: U in, U² out (the user's own count: 64 for 8 people).
	 */
	CALL

}
