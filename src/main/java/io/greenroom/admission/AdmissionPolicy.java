package io.greenroom.admission;

import java.time.Clock;
import java.util.Locale;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.PublishRefused;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Decides each admission request from memory: publish needs an enabled slot and its exact
 * secret; play needs a valid viewer token when the app is private. Records sessions and
 * announces slots going live or offline, and publishes refused for a wrong key, after
 * deciding: {@link #decide} only notes the events, and {@link #announcePending()} hands
 * them to the listeners once the answer is written, so no listener runs before OME has
 * its answer.
 */
class AdmissionPolicy {

	/** Drops a publisher at OME, later, off the admission path. */
	interface Kicker {

		void kickLater(String app, String slot);

	}

	private static final Logger logger = LoggerFactory.getLogger(AdmissionPolicy.class);

	private final SlotDirectory directory;

	private final LivePublishers live;

	private final KeyGuard guard;

	private final TrustedProxies proxies;

	private final LogBudget budget;

	private final ViewerTokens viewerTokens;

	private final SessionRecorder history;

	private final Kicker kicker;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Events of the decision this thread is making, announced after its answer is
	 * written: at most two per decision. One small array per request thread, reused.
	 */
	private final ThreadLocal<@Nullable Object[]> pending = ThreadLocal.withInitial(() -> new Object[2]);

	AdmissionPolicy(SlotDirectory directory, LivePublishers live, KeyGuard guard, TrustedProxies proxies,
			LogBudget budget, ViewerTokens viewerTokens, SessionRecorder history, Kicker kicker,
			ApplicationEventPublisher events, Clock clock) {
		this.directory = directory;
		this.live = live;
		this.guard = guard;
		this.proxies = proxies;
		this.budget = budget;
		this.viewerTokens = viewerTokens;
		this.history = history;
		this.kicker = kicker;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Whether the last decision on this thread left events to announce.
	 */
	boolean hasPending() {
		return this.pending.get()[0] != null;
	}

	/**
	 * Announces the events of the last decision on this thread. Called once the answer is
	 * written.
	 */
	void announcePending() {
		@Nullable Object[] events = this.pending.get();
		for (int i = 0; i < events.length; i++) {
			Object event = events[i];
			if (event == null) {
				break;
			}
			events[i] = null;
			this.events.publishEvent(event);
		}
	}

	/** Notes an event to announce after the answer is written. */
	private void note(Object event) {
		@Nullable Object[] events = this.pending.get();
		for (int i = 0; i < events.length; i++) {
			if (events[i] == null) {
				events[i] = event;
				return;
			}
		}
		// A caller that never announces: do not keep its events.
		this.events.publishEvent(event);
	}

	/**
	 * The answer to an opening request, or null for a closing one (answered with {}). The
	 * events it causes wait for {@link #announcePending()}.
	 */
	@Nullable AdmissionResponse decide(AdmissionRequest admission) {
		java.util.Arrays.fill(this.pending.get(), null);
		AdmissionRequest.Request request = admission.request();
		AdmissionRequest.Client client = admission.client();
		if (request == null || client == null || request.url() == null) {
			throw new IllegalArgumentException("Validated before deciding");
		}
		OmeUrl url = OmeUrl.parse(request.url());
		boolean incoming = "incoming".equals(request.direction());
		if ("closing".equals(request.status())) {
			if (incoming && url != null) {
				closed(url, client);
			}
			return null;
		}
		if (url == null) {
			return AdmissionResponse.deny("not an /app/stream URL");
		}
		return incoming ? publish(url, request, client) : play(url, request);
	}

	private AdmissionResponse publish(OmeUrl url, AdmissionRequest.Request request, AdmissionRequest.Client client) {
		String protocol = protocol(request);
		if (!protocol.equals("RTMP") && !protocol.equals("WebRTC")) {
			return AdmissionResponse.deny("protocol " + request.protocol() + " is not enabled for publishing");
		}
		TrustedProxies.Origin origin = this.proxies.origin(client);
		if (this.guard.isBlocked(origin.blamed())) {
			return AdmissionResponse.deny("too many wrong stream keys from this address; try again later");
		}
		SlotDirectory.AppEntry app = this.directory.app(url.app());
		if (app == null) {
			return wrongKey(origin, "unknown app", url, false);
		}
		SlotDirectory.SlotEntry slot = app.slots().get(url.stream());
		if (slot == null) {
			return wrongKey(origin, "unknown slot", url, false);
		}
		String key = url.query().get(PublishEndpoints.KEY_PARAMETER);
		if (key == null || !slot.secret().matches(key)) {
			return wrongKey(origin, (key == null) ? "missing stream key" : "wrong stream key", url, true);
		}
		if (!slot.enabled()) {
			return AdmissionResponse.deny("slot is disabled");
		}
		String address = client.address();
		int port = client.port();
		LivePublishers.Publisher publisher = new LivePublishers.Publisher(this.history.newSessionId(), address, port,
				protocol, this.clock.instant());
		LivePublishers.Publisher previous = this.live.claim(slot.liveKey(), publisher);
		if (previous != null && previous.sameConnection(address, port)) {
			// OME asked twice for the same connection: same answer, one session.
			return AdmissionResponse.allow(url.withoutQuery(), 0);
		}
		if (previous != null) {
			if (app.policy().onDuplicate() != DuplicatePublisher.REPLACE) {
				return AdmissionResponse.deny("slot is already live from another publisher");
			}
			// OME holds the old stream until it is dropped, so the newcomer comes in on
			// its
			// encoder's automatic reconnect, once the old publisher is gone.
			if (this.live.release(slot.liveKey(), previous.address(), previous.port()) != null) {
				this.history.ended(previous.sessionId(), "replaced");
				note(new SlotWentOffline(url.app(), url.stream(), "replaced", this.clock.instant()));
				this.kicker.kickLater(url.app(), url.stream());
				logger.info("Slot {}/{}: cutting off the publisher from {} for a new {} publisher", url.app(),
						url.stream(), previous.address(), protocol);
			}
			return AdmissionResponse
				.deny("slot was live: the publisher on air is being cut off; reconnect in a moment to take over");
		}
		this.history.opened(new PublishSession(publisher.sessionId(), slot.id(), url.app(), url.stream(), protocol,
				address, port, origin.recordedRealIp(), client.userAgent(), publisher.since()));
		note(new SlotWentLive(url.app(), url.stream(), protocol, publisher.since()));
		return AdmissionResponse.allow(url.withoutQuery(), 0);
	}

	/**
	 * Counts a wrong key against the blamed address, tells listeners once the answer is
	 * written, and logs within the budget.
	 * @param slotExists whether {@code url} names a slot that exists: the log names only
	 * such a slot, since the rest of the URL is the sender's text
	 */
	private AdmissionResponse wrongKey(TrustedProxies.Origin origin, String reason, OmeUrl url, boolean slotExists) {
		this.guard.wrongKey(origin.blamed());
		note(new PublishRefused(url.app(), url.stream(), origin.blamed(), reason, this.clock.instant()));
		if (this.budget.allow(LogBudget.Kind.WRONG_KEY, origin.blamed())) {
			logger.info("Refused a publish from {}: {}{}", origin.blamed(), reason,
					slotExists ? " for " + url.app() + "/" + url.stream() : "");
		}
		return AdmissionResponse.deny(reason);
	}

	private AdmissionResponse play(OmeUrl url, AdmissionRequest.Request request) {
		SlotDirectory.AppEntry app = this.directory.app(url.app());
		if (app == null) {
			return AdmissionResponse.deny("unknown app");
		}
		if (!app.policy().privateViewing()) {
			return AdmissionResponse.allow(null, 0);
		}
		Long remaining = this.viewerTokens.remainingMillis(url.query().get(ViewerTokens.PARAMETER), url.app(),
				url.stream());
		if (remaining == null) {
			return AdmissionResponse.deny("this app is private: the viewer link is missing, expired or not valid");
		}
		return AdmissionResponse.allow(null, remaining);
	}

	private void closed(OmeUrl url, AdmissionRequest.Client client) {
		SlotDirectory.AppEntry app = this.directory.app(url.app());
		SlotDirectory.SlotEntry slot = (app != null) ? app.slots().get(url.stream()) : null;
		String key = (slot != null) ? slot.liveKey() : LivePublishers.key(url.app(), url.stream());
		LivePublishers.Publisher gone = this.live.release(key, client.address(), client.port());
		if (gone != null) {
			this.history.ended(gone.sessionId(), "closed");
			note(new SlotWentOffline(url.app(), url.stream(), "closed", this.clock.instant()));
		}
	}

	private static String protocol(AdmissionRequest.Request request) {
		String protocol = request.protocol();
		return switch ((protocol != null) ? protocol.toUpperCase(Locale.ROOT) : "") {
			case "RTMP" -> "RTMP";
			case "WEBRTC" -> "WebRTC";
			default -> (protocol != null) ? protocol : "";
		};
	}

}
