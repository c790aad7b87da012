package io.greenroom.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often Greenroom reads OME's REST API for the live board.
 *
 * @param pollInterval the pause between two reads while a live board is open or a metrics
 * scrape came recently ({@code GREENROOM_LIVE_POLL_INTERVAL}, default {@code 2s})
 * @param heartbeat the pause between two reads otherwise: it still takes slots OME no
 * longer has off air and adopts streams Greenroom missed
 * ({@code GREENROOM_LIVE_HEARTBEAT}, default {@code 10s})
 */
@ConfigurationProperties("greenroom.live")
@Validated
public record LiveProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("10s") Duration heartbeat) {

	public LiveProperties {
		if (pollInterval.compareTo(Duration.ofMillis(200)) < 0) {
			throw new IllegalArgumentException("greenroom.live.poll-interval must be at least 200ms");
		}
		if (heartbeat.compareTo(pollInterval) < 0) {
			throw new IllegalArgumentException("greenroom.live.heartbeat must be at least the poll interval");
		}
	}

}
