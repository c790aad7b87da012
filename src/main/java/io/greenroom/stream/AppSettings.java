package io.greenroom.stream;

import org.jspecify.annotations.Nullable;

/**
 * Per-app OME publisher settings. The defaults favour latency: no retransmission, no
 * forward error correction, no jitter buffer, no playout-delay hint, no LLHLS.
 *
 * @param llhls whether to offer LLHLS as a fallback (costs an AAC audio encode)
 * @param rtx WebRTC retransmission
 * @param ulpfec WebRTC forward error correction
 * @param jitterBuffer OME's WebRTC jitter buffer
 * @param playoutDelayMinMs playout-delay hint minimum, or null for no hint
 * @param playoutDelayMaxMs playout-delay hint maximum, or null for no hint
 */
public record AppSettings(boolean llhls, boolean rtx, boolean ulpfec, boolean jitterBuffer,
		@Nullable Integer playoutDelayMinMs, @Nullable Integer playoutDelayMaxMs) {

	public static AppSettings defaults() {
		return new AppSettings(false, false, false, false, null, null);
	}

	/** Whether a playout-delay hint is set (both bounds present). */
	public boolean hasPlayoutDelay() {
		return this.playoutDelayMinMs != null && this.playoutDelayMaxMs != null;
	}

}
