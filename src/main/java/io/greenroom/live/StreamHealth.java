package io.greenroom.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.greenroom.ome.OmeStream;

/**
 * What a streamer should change, from what OME reports of their stream: each warning
 * names the problem and the exact fix in OBS's words. Plain logic; a warning holds only
 * while the figures that raised it do, so it clears when the stream is fixed.
 */
public final class StreamHealth {

	/** Longest keyframe interval that still lets a viewer start quickly, in seconds. */
	static final double MAX_KEYFRAME_SECONDS = 2.0;

	/** How far above the planned bitrate a stream may go before it is a problem. */
	static final double BITRATE_TOLERANCE = 1.5;

	/** The share of its best frame rate below which a stream is dropping frames. */
	static final double FRAMERATE_FLOOR = 0.8;

	/** Video codecs browsers play over WebRTC from OME without transcoding. */
	static final Set<String> WEBRTC_CODECS = Set.of("H264", "VP8");

	/** Which problem a warning is about. */
	public enum Kind {

		/** B-frames on. */
		BFRAMES,

		/** Keyframes too far apart. */
		KEYFRAME_INTERVAL,

		/** A video codec browsers cannot play over WebRTC. */
		CODEC,

		/** Bitrate far above the slot's plan. */
		BITRATE,

		/** Frame rate falling: the encoder cannot keep up. */
		FRAMERATE,

		/** No audio track. */
		NO_AUDIO

	}

	/**
	 * One warning.
	 *
	 * @param kind which problem
	 * @param problem what is wrong, with the figure that shows it
	 * @param fix the exact change in OBS
	 */
	public record Warning(Kind kind, String problem, String fix) {
	}

	private StreamHealth() {
	}

	/**
	 * The warnings that hold for {@code stream} now.
	 * @param plannedKbps the slot's planned video bitrate
	 * @param bestFramerate the highest frame rate seen since the stream went live, 0 if
	 * unknown
	 * @param expectsAudio whether the slot should carry sound
	 */
	public static List<Warning> check(OmeStream stream, int plannedKbps, double bestFramerate, boolean expectsAudio) {
		List<Warning> warnings = new ArrayList<>();
		OmeStream.Video video = stream.video();
		if (video != null) {
			if (video.hasBframes()) {
				warnings.add(new Warning(Kind.BFRAMES,
						"B-frames are on: WebRTC viewers see a frozen or stuttering picture.",
						"OBS → Settings → Output → Streaming → x264 Options: bframes=0 (or the hardware encoder's B-frames setting to 0)"));
			}
			double keyframeSeconds = video.keyFrameIntervalSeconds();
			if (keyframeSeconds > MAX_KEYFRAME_SECONDS + 0.05) {
				warnings.add(new Warning(Kind.KEYFRAME_INTERVAL,
						"A keyframe only every " + oneDecimal(keyframeSeconds)
								+ " s: new viewers wait that long for a picture.",
						"OBS → Settings → Output → Streaming → Keyframe Interval: 1 s"));
			}
			if (!video.codec().isEmpty() && !WEBRTC_CODECS.contains(video.codec().toUpperCase(Locale.ROOT))) {
				warnings.add(new Warning(Kind.CODEC,
						"Video codec " + video.codec() + " cannot be played by browsers over WebRTC here.",
						"OBS → Settings → Output → Streaming → Video Encoder: x264 (H.264)"));
			}
			if (plannedKbps > 0 && video.bitrate() > plannedKbps * 1000L * BITRATE_TOLERANCE) {
				warnings.add(new Warning(Kind.BITRATE,
						"Bitrate " + video.bitrate() / 1000 + " Kbps, far above the " + plannedKbps
								+ " Kbps planned for this slot.",
						"OBS → Settings → Output → Streaming → Rate Control: CBR, Bitrate: " + plannedKbps + " Kbps"));
			}
			double best = Math.max(bestFramerate, video.framerateAvg());
			if (best > 0 && video.framerate() > 0 && video.framerate() < best * FRAMERATE_FLOOR) {
				warnings.add(new Warning(Kind.FRAMERATE,
						"Frame rate fell to " + oneDecimal(video.framerate()) + " fps from " + oneDecimal(best)
								+ ": the encoder cannot keep up.",
						"OBS → Settings → Output → Streaming: lower the CPU Usage Preset (e.g. superfast), or Settings → Video → Output (Scaled) Resolution"));
			}
		}
		if (expectsAudio && stream.audio() == null) {
			warnings.add(new Warning(Kind.NO_AUDIO, "No audio track: viewers hear nothing.",
					"OBS → Settings → Audio: choose a Desktop Audio or Mic/Auxiliary Audio device, and unmute it in the Audio Mixer"));
		}
		return warnings;
	}

	private static String oneDecimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
