package io.greenroom.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.greenroom.admission.LivePublishers;
import io.greenroom.ome.OmeStream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The live figures as Micrometer meters, read from the poller's snapshot (never from OME
 * directly): slots live, viewers per app, bitrate per slot, whether OME answers, and how
 * long a poll takes. Admission answers are counted by the admission module itself.
 */
@Component
class LiveMetrics {

	private final MultiGauge viewers;

	private final MultiGauge bitrate;

	private final Timer pollDuration;

	private volatile LiveSnapshot last;

	LiveMetrics(MeterRegistry registry, LivePublishers live, OmePoller poller) {
		this.last = poller.snapshot();
		Gauge.builder("greenroom.live.slots", live, LivePublishers::count)
			.description("Slots on air now")
			.register(registry);
		Gauge.builder("greenroom.ome.reachable", this, (metrics) -> metrics.last.reachable() ? 1 : 0)
			.description("1 when OME's REST API answered the last poll, else 0")
			.register(registry);
		this.viewers = MultiGauge.builder("greenroom.live.viewers")
			.description("WebRTC viewers now, per app")
			.register(registry);
		this.bitrate = MultiGauge.builder("greenroom.live.bitrate")
			.description("Input video bitrate now in bits per second, per slot")
			.register(registry);
		this.pollDuration = Timer.builder("greenroom.live.poll.duration")
			.description("How long one poll of OME's REST API takes")
			.register(registry);
	}

	/** Before the board hears of the snapshot, so a scrape never lags the page. */
	@EventListener
	@Order(0)
	void onSnapshot(LiveSnapshot snapshot) {
		this.last = snapshot;
		this.pollDuration.record(Duration.ofMillis(snapshot.duration()));
		List<MultiGauge.Row<?>> viewerRows = new ArrayList<>();
		List<MultiGauge.Row<?>> bitrateRows = new ArrayList<>();
		for (Map.Entry<String, Map<String, OmeStream>> app : snapshot.streams().entrySet()) {
			int total = 0;
			for (OmeStream stream : app.getValue().values()) {
				total += (stream.stats() != null) ? stream.stats().webrtcViewers() : 0;
				if (stream.video() != null) {
					bitrateRows.add(MultiGauge.Row.of(Tags.of("app", app.getKey(), "slot", stream.name()),
							stream.video().bitrate()));
				}
			}
			viewerRows.add(MultiGauge.Row.of(Tags.of("app", app.getKey()), total));
		}
		this.viewers.register(viewerRows, true);
		this.bitrate.register(bitrateRows, true);
	}

}
