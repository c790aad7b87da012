package io.greenroom.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.greenroom.admission.LivePublishers;
import io.greenroom.stream.Slot;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells a streamer whether their stream arrives, and what to fix in OBS: from the live
 * board's snapshot when there is one, otherwise from admission alone.
 */
@Component
class LiveCheck {

	private final LivePublishers live;

	private final ObjectProvider<StreamSnapshots> snapshots;

	LiveCheck(LivePublishers live, ObjectProvider<StreamSnapshots> snapshots) {
		this.live = live;
		this.snapshots = snapshots;
	}

	/**
	 * The check's answer, as the streamer page's JSON.
	 *
	 * @param live whether the slot has a publisher on air
	 * @param protocol {@code RTMP} or {@code WebRTC} when live
	 * @param message one sentence for the streamer
	 * @param warnings what to fix in OBS, empty when all is well or unknown
	 */
	record Result(boolean live, @Nullable String protocol, String message, List<String> warnings) {
	}

	Result check(Slot slot) {
		String app = slot.getApp().getName();
		String protocol = this.live.protocolOf(app, slot.getName());
		if (protocol == null) {
			return new Result(false, null,
					"Not live yet. Start streaming in OBS, or press Go live below; this updates by itself.", List.of());
		}
		String over = protocol.equalsIgnoreCase("RTMP") ? "RTMP" : "WHIP";
		StreamSnapshots source = this.snapshots.getIfAvailable();
		Optional<StreamSnapshots.Snapshot> snapshot = (source != null) ? source.snapshot(app, slot.getName())
				: Optional.empty();
		if (snapshot.isEmpty()) {
			return new Result(true, protocol, "Connected over " + over + ", waiting for video.", List.of());
		}
		return describe(protocol, over, snapshot.get());
	}

	static Result describe(String protocol, String over, StreamSnapshots.Snapshot video) {
		List<String> warnings = new ArrayList<>();
		if (video.hasBframes()) {
			warnings.add("B-frames are on, so viewers see a frozen or stuttering picture. In OBS: Settings → Output → "
					+ "x264 Options: bframes=0 (or B-frames 0 for a hardware encoder), then stop and start streaming.");
		}
		if (video.keyframeIntervalSeconds() > 2.05 || video.keyframeIntervalSeconds() <= 0) {
			warnings.add("Keyframes arrive every " + seconds(video.keyframeIntervalSeconds())
					+ ", so viewers wait long to start. In OBS: Settings → Output → Keyframe Interval: 1 s.");
		}
		String message = "We see you over " + over + ": " + video.width() + "×" + video.height() + " "
				+ codec(video.codec()) + " at " + mbps(video.bitrateBps()) + ", keyframes every "
				+ seconds(video.keyframeIntervalSeconds()) + ", "
				+ (video.hasBframes() ? "with B-frames" : "no B-frames") + ".";
		return new Result(true, protocol, message, List.copyOf(warnings));
	}

	private static String codec(String codec) {
		return switch (codec.toUpperCase(Locale.ROOT)) {
			case "H264" -> "H.264";
			case "H265" -> "H.265";
			default -> codec;
		};
	}

	private static String mbps(long bps) {
		double mbps = bps / 1_000_000.0;
		return ((mbps == Math.rint(mbps)) ? String.format(Locale.ROOT, "%.0f", mbps)
				: String.format(Locale.ROOT, "%.1f", mbps)) + " Mbps";
	}

	private static String seconds(double seconds) {
		return ((seconds == Math.rint(seconds)) ? String.format(Locale.ROOT, "%.0f", seconds)
				: String.format(Locale.ROOT, "%.1f", seconds)) + " s";
	}

}
