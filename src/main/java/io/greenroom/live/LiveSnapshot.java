package io.greenroom.live;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.greenroom.ome.OmeStream;
import org.jspecify.annotations.Nullable;

/**
 * What the last poll found in OME, kept whole until the next one replaces it.
 *
 * @param at when OME was last asked
 * @param omeUrl where OME's API is
 * @param reachable whether OME answered the last poll
 * @param unreachableSince when OME first failed to answer, while it still fails
 * @param problem why the last poll failed, in words, or null
 * @param streams the streams OME had in each app at the last poll that reached it
 * @param duration how long the last poll took, in milliseconds
 */
public record LiveSnapshot(Instant at, String omeUrl, boolean reachable, @Nullable Instant unreachableSince,
		@Nullable String problem, Map<String, Map<String, OmeStream>> streams, long duration) {

	/** Before the first poll: nothing known yet, nothing wrong either. */
	static LiveSnapshot initial(String omeUrl, Instant now) {
		return new LiveSnapshot(now, omeUrl, true, null, null, Map.of(), 0);
	}

	/** The stream OME has for {@code app/slot}, or null. */
	public @Nullable OmeStream stream(String app, String slot) {
		Map<String, OmeStream> forApp = this.streams.get(app);
		return (forApp != null) ? forApp.get(slot) : null;
	}

	/** The streams OME has in {@code app}. */
	public List<OmeStream> streams(String app) {
		Map<String, OmeStream> forApp = this.streams.get(app);
		return (forApp != null) ? List.copyOf(forApp.values()) : List.of();
	}

}
