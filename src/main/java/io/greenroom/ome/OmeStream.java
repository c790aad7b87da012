package io.greenroom.ome;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What OME's REST API says about one live stream: its input tracks ({@code GET
 * .../streams/{s}}) and its current traffic ({@code GET /v1/stats/current/...}), as read
 * in one poll. Figures are as OME gives them: bitrates in bits per second, the keyframe
 * interval counted in frames.
 *
 * @param name the stream's name (the slot)
 * @param createdTime when OME created the stream, or null if OME did not say
 * @param sourceType {@code Rtmp}, {@code WebRTC}, ... as OME names the input
 * @param sourceUrl the publisher's address as OME saw it, e.g. {@code TCP://1.2.3.4:5678}
 * @param video the input video track, or null when there is none
 * @param audio the input audio track, or null when there is none
 * @param stats the stream's traffic, or null when OME had no figures for it
 */
public record OmeStream(String name, @Nullable Instant createdTime, String sourceType, String sourceUrl,
		@Nullable Video video, @Nullable Audio audio, @Nullable Stats stats) {

	/**
	 * The input video track.
	 *
	 * @param codec e.g. {@code H264}
	 * @param width pixels
	 * @param height pixels
	 * @param framerate the latest frame rate (frames per second)
	 * @param framerateAvg the average frame rate since the stream started
	 * @param bitrate the latest bitrate in bits per second
	 * @param bitrateAvg the average bitrate in bits per second
	 * @param keyFrameInterval the latest keyframe interval, in frames
	 * @param hasBframes whether the encoder sends B-frames
	 */
	public record Video(String codec, int width, int height, double framerate, double framerateAvg, long bitrate,
			long bitrateAvg, double keyFrameInterval, boolean hasBframes) {

		/** The keyframe interval in seconds (frames divided by the frame rate). */
		public double keyFrameIntervalSeconds() {
			double fps = (this.framerateAvg > 0) ? this.framerateAvg : this.framerate;
			return (fps > 0) ? this.keyFrameInterval / fps : 0;
		}

	}

	/**
	 * The input audio track.
	 *
	 * @param codec e.g. {@code AAC} or {@code OPUS}
	 * @param bitrate the latest bitrate in bits per second
	 */
	public record Audio(String codec, long bitrate) {
	}

	/**
	 * The stream's current traffic.
	 *
	 * @param webrtcViewers WebRTC connections now
	 * @param totalConnections all viewer connections now
	 * @param bytesIn bytes received from the publisher since the stream started
	 * @param bytesOut bytes sent to viewers since the stream started
	 * @param throughputOut bits per second sent to viewers now
	 */
	public record Stats(int webrtcViewers, int totalConnections, long bytesIn, long bytesOut, long throughputOut) {
	}

	/** The publisher's address without the transport, e.g. {@code 1.2.3.4:5678}. */
	public String sourceAddress() {
		int scheme = this.sourceUrl.indexOf("://");
		return (scheme >= 0) ? this.sourceUrl.substring(scheme + 3) : this.sourceUrl;
	}

	/** The same stream with other traffic figures. */
	public OmeStream withStats(@Nullable Stats stats) {
		return new OmeStream(this.name, this.createdTime, this.sourceType, this.sourceUrl, this.video, this.audio,
				stats);
	}

}
