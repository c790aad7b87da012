package io.greenroom.stream;

import java.time.Instant;

/**
 * A streamer started publishing to a slot and OME was told to let them in, or Greenroom
 * found a stream OME already had (after a restart of Greenroom) and adopted it.
 *
 * @param app the app name
 * @param slot the slot name
 * @param protocol {@code RTMP} or {@code WebRTC}
 * @param at when the stream started
 * @param reason {@link #ADMITTED} or {@link #ADOPTED}
 */
public record SlotWentLive(String app, String slot, String protocol, Instant at, String reason) {

	/** Let in by the admission webhook. */
	public static final String ADMITTED = "admitted";

	/** Already live in OME with no open session here (Greenroom restarted meanwhile). */
	public static final String ADOPTED = "adopted";

	/** A streamer let in by the admission webhook. */
	public SlotWentLive(String app, String slot, String protocol, Instant at) {
		this(app, slot, protocol, at, ADMITTED);
	}

}
