package io.greenroom.admission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.greenroom.ome.OmeStream;
import io.greenroom.ome.OmeStreamsListed;
import io.greenroom.stream.App;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotRow;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Slots Greenroom believes live against the stream lists the live poller reads from OME:
 * the parsing of OME's real answers is in {@code OmeApiClientTests}.
 */
class LiveReconcilerTests {

	private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

	private final LivePublishers live = new LivePublishers();

	private final StreamCatalog catalog = mock(StreamCatalog.class);

	private final SessionRecorder history = mock(SessionRecorder.class);

	private final List<Object> events = new ArrayList<>();

	private final LiveReconciler reconciler;

	LiveReconcilerTests() {
		App show = new App("show", NOW);
		given(this.catalog.allApps()).willReturn(List.of(show));
		Slot slot1 = new Slot(show, "slot-1", "Racer 1", 2500, PublishSecret.generate(), NOW);
		ReflectionTestUtils.setField(slot1, "id", 11L);
		Slot slot2 = new Slot(show, "slot-2", "Racer 2", 2500, PublishSecret.generate(), NOW);
		ReflectionTestUtils.setField(slot2, "id", 12L);
		given(this.catalog.allSlotRows()).willReturn(List.of(SlotRow.of(slot1), SlotRow.of(slot2)));
		given(this.history.newSessionId()).willReturn(99L);
		this.reconciler = new LiveReconciler(this.live, new SlotDirectory(this.catalog), this.history, this.events::add,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void takesASlotOmeNoLongerHasOffAirAsLostSoItsStreamerCanComeBack() {
		onAir("show", "slot-1", 1L, 40001, NOW.minusSeconds(60));
		onAir("show", "slot-2", 2L, 40002, NOW.minusSeconds(60));
		assertThat(this.reconciler.reconcile(listed(Map.of("show", List.of(stream("slot-2")))))).isEqualTo(1);
		assertThat(this.live.liveSlots("show")).containsExactly("slot-2");
		verify(this.history).ended(1L, "lost");
		assertThat(this.events).singleElement().isEqualTo(new SlotWentOffline("show", "slot-1", "lost", NOW));
		// The streamer reconnects: the slot is free for the new connection.
		assertThat(this.live.claim("show", "slot-1", publisher(3L, 40003, NOW))).isNull();
	}

	@Test
	void leavesAStreamJustAdmittedThatOmeDoesNotListYet() {
		onAir("show", "slot-1", 1L, 40001, NOW.minusSeconds(3));
		assertThat(this.reconciler.reconcile(listed(Map.of("show", List.of())))).isZero();
		assertThat(this.live.isLive("show", "slot-1")).isTrue();
	}

	@Test
	void changesNothingForAnAppThePollDidNotReach() {
		onAir("show", "slot-1", 1L, 40001, NOW.minusSeconds(60));
		assertThat(this.reconciler.reconcile(listed(Map.of()))).isZero();
		assertThat(this.live.count()).isEqualTo(1);
		assertThat(this.events).isEmpty();
	}

	@Test
	void anAppOmeDoesNotRunLosesItsSlots() {
		onAir("renamed", "slot-1", 1L, 40001, NOW.minusSeconds(60));
		assertThat(this.reconciler.reconcile(listed(Map.of("renamed", List.of())))).isEqualTo(1);
		assertThat(this.live.count()).isZero();
	}

	@Test
	void adoptsAStreamOmeHasThatNobodyHereHoldsOnTheSecondListing() {
		OmeStreamsListed listed = listed(Map.of("show", List.of(stream("slot-1"))));
		this.reconciler.reconcile(listed);
		assertThat(this.live.isLive("show", "slot-1")).as("not on the first listing").isFalse();
		this.reconciler.reconcile(listed);
		assertThat(this.live.onAir("show", "slot-1"))
			.contains(new LivePublishers.OnAir("RTMP", "127.0.0.1:33718", Instant.parse("2026-11-24T18:56:52.718Z")));
		assertThat(this.events).singleElement()
			.isEqualTo(new SlotWentLive("show", "slot-1", "RTMP", Instant.parse("2026-11-24T18:56:52.718Z"),
					SlotWentLive.ADOPTED));
		ArgumentCaptor<PublishSession> session = ArgumentCaptor.forClass(PublishSession.class);
		verify(this.history).opened(session.capture());
		assertThat(session.getValue().getId()).isEqualTo(99L);
		// It goes offline like any other: OME's closing call for that connection.
		assertThat(this.live.release("show", "slot-1", "127.0.0.1", 33718)).isNotNull();
	}

	@Test
	void aListingOfOtherAppsInBetweenDoesNotDelayTheAdoption() {
		OmeStreamsListed listed = listed(Map.of("show", List.of(stream("slot-1"))));
		this.reconciler.reconcile(listed);
		// A poll between two sweeps reads only the busy apps.
		this.reconciler.reconcile(listed(Map.of("talks", List.of())));
		assertThat(this.live.isLive("show", "slot-1")).isFalse();
		this.reconciler.reconcile(listed);
		assertThat(this.live.isLive("show", "slot-1")).isTrue();
	}

	@Test
	void doesNotAdoptAStreamThatWasHeldInBetweenOrIsNoSlot() {
		OmeStreamsListed listed = listed(Map.of("show", List.of(stream("slot-1"), stream("not-a-slot"))));
		this.reconciler.reconcile(listed);
		onAir("show", "slot-1", 1L, 40001, NOW.minusSeconds(1));
		this.live.releaseSlot("show", "slot-1");
		// Kicked a moment ago: this listing still has it, the last one had it held.
		this.reconciler.reconcile(listed(Map.of("show", List.of())));
		this.reconciler.reconcile(listed);
		assertThat(this.live.isLive("show", "slot-1")).isFalse();
		assertThat(this.live.isLive("show", "not-a-slot")).isFalse();
		verify(this.history, never()).opened(org.mockito.ArgumentMatchers.any());
	}

	private static OmeStreamsListed listed(Map<String, List<OmeStream>> byApp) {
		return new OmeStreamsListed(byApp, NOW);
	}

	private static OmeStream stream(String name) {
		return new OmeStream(name, Instant.parse("2026-11-24T18:56:52.718Z"), "Rtmp", "TCP://127.0.0.1:33718", null,
				null, null);
	}

	private void onAir(String app, String slot, long session, int port, Instant since) {
		assertThat(this.live.claim(app, slot, publisher(session, port, since))).isNull();
	}

	private static LivePublishers.Publisher publisher(long session, int port, Instant since) {
		return new LivePublishers.Publisher(session, "172.18.0.5", port, "RTMP", since);
	}

}
