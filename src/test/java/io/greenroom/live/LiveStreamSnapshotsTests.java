package io.greenroom.live;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.greenroom.handoff.StreamSnapshots;
import io.greenroom.ome.OmeStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LiveStreamSnapshotsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final OmePoller poller = mock(OmePoller.class);

	private final LiveDemand demand = new LiveDemand(Clock.fixed(NOW, ZoneOffset.UTC));

	private final LiveStreamSnapshots snapshots = new LiveStreamSnapshots(this.poller, this.demand);

	@Test
	void givesTheStreamersPageWhatThePollerSawOfTheVideo() {
		OmeStream.Video video = new OmeStream.Video("H264", 1920, 1080, 30, 30, 6_000_000, 5_900_000, 30, false);
		given(this.poller.snapshot()).willReturn(snapshot(new OmeStream("slot-1", NOW, "Rtmp",
				"TCP://203.0.113.5:40000", video, new OmeStream.Audio("AAC", 128_000), null)));
		assertThat(this.snapshots.snapshot("show", "slot-1"))
			.contains(new StreamSnapshots.Snapshot("H264", 1920, 1080, 6_000_000, 1.0, false));
		assertThat(this.snapshots.snapshot("show", "slot-2")).isEmpty();
	}

	@Test
	void aStreamWithoutVideoYetHasNoSnapshot() {
		given(this.poller.snapshot())
			.willReturn(snapshot(new OmeStream("slot-1", NOW, "Rtmp", "TCP://203.0.113.5:40000", null, null, null)));
		assertThat(this.snapshots.snapshot("show", "slot-1")).isEmpty();
	}

	private static LiveSnapshot snapshot(OmeStream stream) {
		return new LiveSnapshot(NOW, "http://ome:8081", true, null, null, Map.of("show", Map.of("slot-1", stream)), 5);
	}

}
