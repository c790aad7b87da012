package io.greenroom.live;

import java.util.Optional;

import io.greenroom.handoff.StreamSnapshots;
import io.greenroom.ome.OmeStream;

import org.springframework.stereotype.Component;

/**
 * The streamer page's live check reads what the poller last saw of the slot's video, so a
 * guest reads "1920×1080 H.264 at 6 Mbps, keyframes every 1 s" from OME's own figures.
 * Asking counts as demand: while a streamer page checks, the poller reads OME at its fast
 * interval.
 */
@Component
class LiveStreamSnapshots implements StreamSnapshots {

	private final OmePoller poller;

	private final LiveDemand demand;

	LiveStreamSnapshots(OmePoller poller, LiveDemand demand) {
		this.poller = poller;
		this.demand = demand;
	}

	@Override
	public Optional<Snapshot> snapshot(String app, String slot) {
		this.demand.scraped();
		OmeStream stream = this.poller.snapshot().stream(app, slot);
		if (stream == null || stream.video() == null) {
			return Optional.empty();
		}
		OmeStream.Video video = stream.video();
		return Optional.of(new Snapshot(video.codec(), video.width(), video.height(), video.bitrate(),
				video.keyFrameIntervalSeconds(), video.hasBframes()));
	}

}
