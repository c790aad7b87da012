package io.greenroom.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.greenroom.ome.OmeStream;
import io.greenroom.ome.OmeStreamsListed;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Checks Greenroom's idea of who is live against OME's own stream list, each time the
 * live poller has read it ({@link OmeStreamsListed}: one source of truth for what OME
 * has, and no call to OME of its own). OME may never send the closing call for a
 * publisher that vanished (an RTMP client pulled off the network, or a closing call that
 * timed out), and then the slot would stay "live": pages would keep waiting for it and,
 * in an app that refuses a second publisher, the streamer coming back would be refused. A
 * slot that has been live longer than {@link #GRACE} and that OME does not have is taken
 * off air and its session recorded as lost.
 * <p>
 * The other way round, a stream OME lists for a known slot that nobody here holds (it was
 * live when Greenroom restarted) is adopted: put on air with OME's start time and the
 * reason "adopted", once two listings in a row have shown it unclaimed, so that a stream
 * just kicked or closed is not brought back by a listing read a moment before. Runs on
 * the poller's thread; admission never waits for OME's API.
 */
@Service
class LiveReconciler {

	private static final Logger logger = LoggerFactory.getLogger(LiveReconciler.class);

	/**
	 * How long after admission a stream may still be missing from OME's list: OME only
	 * lists it once the first media has arrived.
	 */
	static final Duration GRACE = Duration.ofSeconds(10);

	private final LivePublishers live;

	private final SlotDirectory directory;

	private final SessionRecorder history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Streams OME listed last time that nobody here held, by slot key. */
	private Set<String> unclaimedLastTime = Set.of();

	LiveReconciler(LivePublishers live, SlotDirectory directory, SessionRecorder history,
			ApplicationEventPublisher events, Clock clock) {
		this.live = live;
		this.directory = directory;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void onStreamsListed(OmeStreamsListed listed) {
		try {
			reconcile(listed);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compare live slots with OME's streams", ex);
		}
	}

	/**
	 * One round: takes off air the settled slots of the listed apps that OME does not
	 * have, and adopts the streams OME has that nobody here holds.
	 * @return how many slots were taken off air
	 */
	synchronized int reconcile(OmeStreamsListed listed) {
		Instant settled = this.clock.instant().minus(GRACE);
		int lost = 0;
		for (Map.Entry<String, Map<String, LivePublishers.Publisher>> app : this.live.byApp().entrySet()) {
			List<OmeStream> streams = listed.byApp().get(app.getKey());
			if (streams == null) {
				continue;
			}
			Set<String> names = new HashSet<>();
			streams.forEach((stream) -> names.add(stream.name()));
			for (Map.Entry<String, LivePublishers.Publisher> slot : app.getValue().entrySet()) {
				LivePublishers.Publisher publisher = slot.getValue();
				if (publisher.since().isBefore(settled) && !names.contains(slot.getKey())
						&& lose(app.getKey(), slot.getKey(), publisher)) {
					lost++;
				}
			}
		}
		adopt(listed);
		return lost;
	}

	private void adopt(OmeStreamsListed listed) {
		Set<String> unclaimed = new HashSet<>();
		listed.byApp().forEach((app, streams) -> {
			SlotDirectory.AppEntry entry = this.directory.app(app);
			for (OmeStream stream : streams) {
				SlotDirectory.SlotEntry slot = (entry != null) ? entry.slots().get(stream.name()) : null;
				if (slot == null || this.live.isLive(app, stream.name())) {
					continue;
				}
				String key = LivePublishers.key(app, stream.name());
				if (this.unclaimedLastTime.contains(key)) {
					adopt(app, slot, stream);
				}
				else {
					unclaimed.add(key);
				}
			}
		});
		// A poll between two sweeps lists only some apps: the others keep what the last
		// list of them found.
		for (String key : this.unclaimedLastTime) {
			if (!listed.byApp().containsKey(key.substring(0, key.indexOf('/')))) {
				unclaimed.add(key);
			}
		}
		this.unclaimedLastTime = unclaimed;
	}

	private void adopt(String app, SlotDirectory.SlotEntry slot, OmeStream stream) {
		String protocol = protocol(stream.sourceType());
		String source = stream.sourceAddress();
		int colon = source.lastIndexOf(':');
		String address = (colon > 0) ? source.substring(0, colon) : source;
		int port = 0;
		if (colon > 0) {
			try {
				port = Integer.parseInt(source.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				port = 0;
			}
		}
		Instant since = (stream.createdTime() != null) ? stream.createdTime() : this.clock.instant();
		LivePublishers.Publisher publisher = new LivePublishers.Publisher(this.history.newSessionId(), address, port,
				protocol, since);
		if (this.live.claim(slot.liveKey(), publisher) != null) {
			return;
		}
		this.history.opened(new PublishSession(publisher.sessionId(), slot.id(), app, stream.name(), protocol, address,
				port, null, null, since));
		this.events.publishEvent(new SlotWentLive(app, stream.name(), protocol, since, SlotWentLive.ADOPTED));
		logger.info("Slot {}/{} is live in OME with no session here: adopted, live since {}", app, stream.name(),
				since);
	}

	private static String protocol(String sourceType) {
		if (sourceType.equalsIgnoreCase("rtmp")) {
			return "RTMP";
		}
		if (sourceType.equalsIgnoreCase("webrtc")) {
			return "WebRTC";
		}
		return sourceType.isEmpty() ? "unknown" : sourceType;
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

}
