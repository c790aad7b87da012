package io.greenroom.admission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.greenroom.ome.OmeApiClient;
import io.greenroom.stream.SlotWentOffline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Slots Greenroom believes live against OME's stream list, with OME's API answered by a
 * mock: the parsing of OME's real answers is in {@code OmeApiClientTests}.
 */
class LiveReconcilerTests {

	private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

	private final LivePublishers live = new LivePublishers();

	private final OmeApiClient api = mock(OmeApiClient.class);

	private final SessionRecorder history = mock(SessionRecorder.class);

	private final List<Object> events = new ArrayList<>();

	private final LiveReconciler reconciler = new LiveReconciler(this.live, this.api, this.history, this.events::add,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void takesASlotOmeNoLongerHasOffAirAsLostSoItsStreamerCanComeBack() throws Exception {
		onAir("show", "slot-1", 1L, 40001, NOW.minusSeconds(60));
		onAir("show", "slot-2", 2L, 40002, NOW.minusSeconds(60));
		given(this.api.liveStreams("show")).willReturn(Optional.of(Set.of("slot-2")));
		assertThat(this.reconciler.reconcile()).isEqualTo(1);
		assertThat(this.live.liveSlots("show")).containsExactly("slot-2");
		verify(this.history).ended(1L, "lost");
		assertThat(this.events).singleElement().isEqualTo(new SlotWentOffline("show", "slot-1", "lost", NOW));
		// The streamer reconnects: the slot is free for the new connection.
		assertThat(this.live.claim("show", "slot-1", publisher(3L, 40003, NOW))).isNull();
	}

	@Test
	void leavesAStreamJustAdmittedThatOmeDoesNotListYet() throws Exception {
		onAir("show", "slot-1", 1L, 40001, NOW.minusSeconds(3));
		given(this.api.liveStreams("show")).willReturn(Optional.of(Set.of()));
		assertThat(this.reconciler.reconcile()).isZero();
		assertThat(this.live.isLive("show", "slot-1")).isTrue();
		verify(this.api, never()).liveStreams("show");
	}

	@Test
	void changesNothingWhenOmeCannotSayOrIsDown() throws Exception {
		onAir("show", "slot-1", 1L, 40001, NOW.minusSeconds(60));
		onAir("call", "alice", 2L, 40002, NOW.minusSeconds(60));
		given(this.api.liveStreams("call")).willReturn(Optional.empty());
		given(this.api.liveStreams("show")).willThrow(new OmeApiClient.OmeUnreachableException("refused"));
		assertThat(this.reconciler.reconcile()).isZero();
		assertThat(this.live.count()).isEqualTo(2);
		assertThat(this.events).isEmpty();
	}

	@Test
	void anAppOmeDoesNotRunLosesItsSlots() throws Exception {
		onAir("renamed", "slot-1", 1L, 40001, NOW.minusSeconds(60));
		given(this.api.liveStreams("renamed")).willReturn(Optional.of(Set.of()));
		assertThat(this.reconciler.reconcile()).isEqualTo(1);
		assertThat(this.live.count()).isZero();
	}

	private void onAir(String app, String slot, long session, int port, Instant since) {
		assertThat(this.live.claim(app, slot, publisher(session, port, since))).isNull();
	}

	private static LivePublishers.Publisher publisher(long session, int port, Instant since) {
		return new LivePublishers.Publisher(session, "172.18.0.5", port, "RTMP", since);
	}

}
