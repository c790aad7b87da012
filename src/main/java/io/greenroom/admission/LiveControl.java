package io.greenroom.admission;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.greenroom.ome.OmeApiClient;
import io.greenroom.stream.SlotWentOffline;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Cuts publishers off through OME's REST API: from the dashboard ("kick"), and when a
 * newcomer takes over a slot whose app replaces live publishers. Kicks for admission run
 * on a background thread, so OME's admission call never waits on OME's own API.
 */
@Service
public class LiveControl implements DisposableBean {

	private final LivePublishers live;

	private final SessionRecorder history;

	private final OmeApiClient api;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ExecutorService kicks = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "ome-kick");
		thread.setDaemon(true);
		return thread;
	});

	LiveControl(LivePublishers live, SessionHistory history, OmeApiClient api, ApplicationEventPublisher events,
			Clock clock) {
		this.live = live;
		this.history = history;
		this.api = api;
		this.events = events;
		this.clock = clock;
	}

	/** Cuts off whoever publishes to {@code app/slot} now, and records it as kicked. */
	public OmeApiClient.KickResult kick(String app, String slot) {
		OmeApiClient.KickResult result = this.api.kick(app, slot);
		if (result != OmeApiClient.KickResult.FAILED) {
			LivePublishers.Publisher gone = this.live.releaseSlot(app, slot);
			if (gone != null) {
				this.history.ended(gone.sessionId(), "kicked");
				this.events.publishEvent(new SlotWentOffline(app, slot, "kicked", this.clock.instant()));
			}
		}
		return result;
	}

	/** Asks OME to drop {@code app/slot} soon, without waiting for it. */
	void kickLater(String app, String slot) {
		this.kicks.execute(() -> this.api.kick(app, slot));
	}

	@Override
	public void destroy() {
		this.kicks.shutdownNow();
	}

}
