package io.greenroom.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

	private final Rows viewers;

	private final Rows bitrate;

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
		this.viewers = new Rows(MultiGauge.builder("greenroom.live.viewers")
			.description("WebRTC viewers now, per app")
			.register(registry));
		this.bitrate = new Rows(MultiGauge.builder("greenroom.live.bitrate")
			.description("Input video bitrate now in bits per second, per slot")
			.register(registry));
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
		Map<Tags, Long> viewerValues = new HashMap<>();
		Map<Tags, Long> bitrateValues = new HashMap<>();
		for (Map.Entry<String, Map<String, OmeStream>> app : snapshot.streams().entrySet()) {
			long total = 0;
			for (OmeStream stream : app.getValue().values()) {
				total += (stream.stats() != null) ? stream.stats().webrtcViewers() : 0;
				if (stream.video() != null) {
					bitrateValues.put(Tags.of("app", app.getKey(), "slot", stream.name()), stream.video().bitrate());
				}
			}
			viewerValues.put(Tags.of("app", app.getKey()), total);
		}
		this.viewers.update(viewerValues);
		this.bitrate.update(bitrateValues);
	}

	/**
	 * One meter with a row per tag set. A row stays registered while its tags are in
	 * every snapshot and only its value changes, so a scrape that runs during an update
	 * never misses it; rows whose tags are gone are removed.
	 */
	static final class Rows {

		private final MultiGauge gauge;

		private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

		Rows(MultiGauge gauge) {
			this.gauge = gauge;
		}

		synchronized void update(Map<Tags, Long> now) {
			this.values.keySet().retainAll(now.keySet());
			now.forEach((tags, value) -> this.values.computeIfAbsent(tags, (key) -> new AtomicLong()).set(value));
			List<MultiGauge.Row<?>> rows = new ArrayList<>();
			this.values.forEach((tags, value) -> rows.add(MultiGauge.Row.of(tags, value, AtomicLong::doubleValue)));
			// Without overwrite, a row already registered keeps its gauge (and the holder
			// above); only new rows are added and missing ones removed.
			this.gauge.register(rows, false);
		}

	}

}
