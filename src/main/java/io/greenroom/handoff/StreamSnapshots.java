package io.greenroom.handoff;

import java.util.Optional;

/**
 * What the media server measures of a live slot's video, for the streamer's live check.
 * The live board fills this from OME's REST API; until a bean of this type exists, the
 * live check answers from admission alone.
 */
@FunctionalInterface
public interface StreamSnapshots {

	/** The latest measurement of a live slot, if there is one. */
	Optional<Snapshot> snapshot(String app, String slot);

	/**
	 * One measurement of a slot's video track.
	 *
	 * @param codec video codec as OME names it, e.g. {@code H264}
	 * @param width picture width in pixels
	 * @param height picture height in pixels
	 * @param bitrateBps measured video bitrate, bits per second
	 * @param keyframeIntervalSeconds seconds between keyframes
	 * @param hasBframes whether the stream carries B-frames
	 */
	record Snapshot(String codec, int width, int height, long bitrateBps, double keyframeIntervalSeconds,
			boolean hasBframes) {
	}

}
