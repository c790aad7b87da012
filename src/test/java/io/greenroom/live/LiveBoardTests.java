package io.greenroom.live;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.greenroom.admission.LivePublishers;
import io.greenroom.stream.App;
import io.greenroom.stream.CatalogChanged;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class LiveBoardTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final long PUSH_WAIT = LiveBoard.MIN_PUSH_GAP.toMillis() * 3;

	private final StreamCatalog catalog = mock(StreamCatalog.class);

	private final OmePoller poller = mock(OmePoller.class);

	private final LiveBoard board = new LiveBoard(this.catalog, new LivePublishers(), this.poller,
			new LiveDemand(Clock.fixed(NOW, ZoneOffset.UTC)));

	@AfterEach
	void stop() {
		this.board.destroy();
	}

	@Test
	void anOpenBoardIsPushedFromMemoryUntilTheCatalogChanges() {
		App show = app();
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show));
		given(this.catalog.listSlots(7L)).willReturn(List.of(slot(show)));
		LiveSnapshot snapshot = new LiveSnapshot(NOW, "http://ome:8081", true, null, null, Map.of(), 3);
		given(this.poller.snapshot()).willReturn(snapshot);

		this.board.subscribe(show);
		verify(this.poller, timeout(PUSH_WAIT).times(1)).snapshot();
		this.board.onSnapshot(snapshot);
		verify(this.poller, timeout(PUSH_WAIT).times(2)).snapshot();
		this.board.onSnapshot(snapshot);
		verify(this.poller, timeout(PUSH_WAIT).times(3)).snapshot();
		this.board.onSnapshot(snapshot);
		verify(this.poller, timeout(PUSH_WAIT).times(4)).snapshot();
		// One read for the page's first board, one for the pushes after it.
		verify(this.catalog, times(2)).listSlots(7L);

		this.board.onCatalogChanged(new CatalogChanged(NOW));
		verify(this.poller, timeout(PUSH_WAIT).times(5)).snapshot();
		verify(this.catalog, times(3)).listSlots(7L);
	}

	private static App app() {
		App app = new App("show", NOW);
		ReflectionTestUtils.setField(app, "id", 7L);
		return app;
	}

	private static Slot slot(App app) {
		Slot slot = new Slot(app, "slot-1", "Racer 1", 2500, new PublishSecret("Zx9_abcdefghijklmnopqrstuvwx-1a2b"),
				NOW);
		ReflectionTestUtils.setField(slot, "id", 3L);
		return slot;
	}

}
