package io.greenroom.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.greenroom.ome.OmeApiClient;
import io.greenroom.stream.SlotWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Checks Greenroom's idea of who is live against OME's own stream list. OME may never
 * send the closing call for a publisher that vanished (an RTMP client pulled off the
 * network, or a closing call that timed out), and then the slot would stay "live": pages
 * would keep waiting for it and, in an app that refuses a second publisher, the streamer
 * coming back would be refused. Every {@value #INTERVAL_SECONDS} s, a slot that has been
 * live longer than {@link #GRACE} and that OME does not have is taken off air and its
 * session recorded as lost. Runs on its own thread; admission never waits for OME's API.
 */
@Service
class LiveReconciler implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LiveReconciler.class);

	/** How often OME is asked, in seconds. */
	static final long INTERVAL_SECONDS = 10;

	/**
	 * How long after admission a stream may still be missing from OME's list: OME only
	 * lists it once the first media has arrived.
	 */
	static final Duration GRACE = Duration.ofSeconds(10);

	private final LivePublishers live;

	private final OmeApiClient api;

	private final SessionRecorder history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "live-reconciler");
		thread.setDaemon(true);
		return thread;
	});

	LiveReconciler(LivePublishers live, OmeApiClient api, SessionRecorder history, ApplicationEventPublisher events,
			Clock clock) {
		this.live = live;
		this.api = api;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		this.timer.scheduleWithFixedDelay(this::reconcileQuietly, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
	}

	private void reconcileQuietly() {
		try {
			reconcile();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compare live slots with OME's streams", ex);
		}
	}

	/**
	 * One round: for each app with someone on air, asks OME which streams it has and
	 * takes the missing ones off air. Stops at the first sign that OME's API is down.
	 * @return how many slots were taken off air
	 */
	int reconcile() {
		Instant settled = this.clock.instant().minus(GRACE);
		int lost = 0;
		for (Map.Entry<String, Map<String, LivePublishers.Publisher>> app : this.live.byApp().entrySet()) {
			boolean anySettled = app.getValue().values().stream().anyMatch((p) -> p.since().isBefore(settled));
			if (!anySettled) {
				continue;
			}
			Optional<Set<String>> streams;
			try {
				streams = this.api.liveStreams(app.getKey());
			}
			catch (OmeApiClient.OmeUnreachableException ex) {
				logger.debug("OME's API is unreachable; live slots not checked this round: {}", ex.getMessage());
				return lost;
			}
			if (streams.isEmpty()) {
				continue;
			}
			for (Map.Entry<String, LivePublishers.Publisher> slot : app.getValue().entrySet()) {
				LivePublishers.Publisher publisher = slot.getValue();
				if (publisher.since().isBefore(settled) && !streams.get().contains(slot.getKey())
						&& lose(app.getKey(), slot.getKey(), publisher)) {
					lost++;
				}
			}
		}
		return lost;
	}

	private boolean lose(String app, String slot, LivePublishers.Publisher publisher) {
		// Only the very connection OME no longer has: a publisher admitted meanwhile
		// stays.
		if (this.live.release(app, slot, publisher.address(), publisher.port()) == null) {
			return false;
		}
		this.history.ended(publisher.sessionId(), "lost");
		this.events.publishEvent(new SlotWentOffline(app, slot, "lost", this.clock.instant()));
		logger.info("Slot {}/{} was live here but OME no longer has it: taken off air as lost", app, slot);
		return true;
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
