package io.greenroom.live;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.greenroom.admission.LivePublishers;
import io.greenroom.ome.OmeStream;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LiveMetricsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final LiveMetrics metrics = metrics(this.registry);

	@Test
	void aScrapeDuringAPollStillSeesEveryRow() throws Exception {
		this.metrics.onSnapshot(snapshot(stream("slot-1", 2_014_953, 2)));
		AtomicBoolean polling = new AtomicBoolean(true);
		Thread poller = new Thread(() -> {
			while (polling.get()) {
				this.metrics.onSnapshot(snapshot(stream("slot-1", 2_014_953, 2)));
			}
		});
		poller.start();
		int missed = 0;
		try {
			for (int i = 0; i < 2_000; i++) {
				String scraped = this.registry.scrape();
				if (!scraped.contains("greenroom_live_viewers{app=\"show\"} 2.0")
						|| !scraped.contains("greenroom_live_bitrate{app=\"show\",slot=\"slot-1\"} 2014953.0")) {
					missed++;
				}
			}
		}
		finally {
			polling.set(false);
			poller.join();
		}
		assertThat(missed).as("scrapes that missed a row").isZero();
	}

	@Test
	void rowsFollowTheSnapshotAndGoWhenTheirStreamEnds() {
		this.metrics.onSnapshot(snapshot(stream("slot-1", 2_014_953, 2), stream("slot-2", 900_000, 3)));
		assertThat(this.registry.scrape()).contains("greenroom_live_viewers{app=\"show\"} 5.0")
			.contains("greenroom_live_bitrate{app=\"show\",slot=\"slot-2\"} 900000.0");

		this.metrics.onSnapshot(snapshot(stream("slot-1", 1_500_000, 0)));
		String scraped = this.registry.scrape();
		assertThat(scraped).contains("greenroom_live_viewers{app=\"show\"} 0.0")
			.contains("greenroom_live_bitrate{app=\"show\",slot=\"slot-1\"} 1500000.0")
			.doesNotContain("slot=\"slot-2\"");

		// The same slot back on air gets its row again.
		this.metrics.onSnapshot(snapshot(stream("slot-1", 1_500_000, 0), stream("slot-2", 800_000, 1)));
		assertThat(this.registry.scrape()).contains("greenroom_live_bitrate{app=\"show\",slot=\"slot-2\"} 800000.0")
			.contains("greenroom_live_viewers{app=\"show\"} 1.0");
	}

	private static LiveMetrics metrics(PrometheusMeterRegistry registry) {
		OmePoller poller = mock(OmePoller.class);
		given(poller.snapshot()).willReturn(snapshot());
		return new LiveMetrics(registry, new LivePublishers(), poller);
	}

	private static OmeStream stream(String name, long bitrate, int viewers) {
		OmeStream.Video video = new OmeStream.Video("H264", 1280, 720, 30, 30, bitrate, bitrate, 60, false);
		return new OmeStream(name, NOW, "Rtmp", "TCP://203.0.113.5:40000", video, null,
				new OmeStream.Stats(viewers, viewers, 0, 0, 0));
	}

	private static LiveSnapshot snapshot(OmeStream... streams) {
		Map<String, OmeStream> byName = new java.util.LinkedHashMap<>();
		for (OmeStream stream : streams) {
			byName.put(stream.name(), stream);
		}
		return new LiveSnapshot(NOW, "http://ome:8081", true, null, null, Map.of("show", Map.copyOf(byName)), 5);
	}

}
