package io.greenroom.live;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One slot on the live board, as the page shows it and as each event carries it. Sizes
 * are plain numbers (Kbps, bytes, seconds); the page words them.
 *
 * @param id the slot's id
 * @param name the slot's name
 * @param displayName the streamer's name
 * @param onAir whether someone is on air
 * @param since when the stream started, in epoch milliseconds, or null
 * @param reason how Greenroom knows: {@code admitted} or {@code adopted}, or null
 * @param protocol {@code RTMP} or {@code WebRTC}, or null
 * @param address the streamer's address and port, or null
 * @param video video codec and size, e.g. {@code H264 640×360}, or null
 * @param fps frame rate now
 * @param kbps video bitrate now
 * @param avgKbps average video bitrate of this stream
 * @param keyframeSeconds keyframe interval in seconds
 * @param audio audio codec and bitrate, e.g. {@code AAC 66 Kbps}, or null
 * @param viewers WebRTC viewers now
 * @param peakViewers the most viewers at once since the stream went live
 * @param bytesOut bytes sent to viewers in this stream
 * @param plannedKbps the slot's planned video bitrate
 * @param warnings what the streamer should change
 */
public record SlotCard(long id, String name, String displayName, boolean onAir, @Nullable Long since,
		@Nullable String reason, @Nullable String protocol, @Nullable String address, @Nullable String video,
		double fps, long kbps, long avgKbps, double keyframeSeconds, @Nullable String audio, int viewers,
		int peakViewers, long bytesOut, int plannedKbps, List<StreamHealth.Warning> warnings) {
}
