package io.greenroom.admission;

import java.time.Clock;
import java.util.Locale;

import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Decides each admission request from memory: publish needs an enabled slot and its exact
 * secret; play needs a valid viewer token when the app is private. Records sessions and
 * announces slots going live or offline after deciding.
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

	/** The answer to an opening request, or null for a closing one (answered with {}). */
	@Nullable AdmissionResponse decide(AdmissionRequest admission) {
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
			return wrongKey(origin, "unknown app", null);
		}
		SlotDirectory.SlotEntry slot = app.slots().get(url.stream());
		if (slot == null) {
			return wrongKey(origin, "unknown slot", null);
		}
		String key = url.query().get(PublishEndpoints.KEY_PARAMETER);
		if (key == null || !slot.secret().matches(key)) {
			return wrongKey(origin, (key == null) ? "missing stream key" : "wrong stream key", url);
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
				this.events
					.publishEvent(new SlotWentOffline(url.app(), url.stream(), "replaced", this.clock.instant()));
				this.kicker.kickLater(url.app(), url.stream());
				logger.info("Slot {}/{}: cutting off the publisher from {} for a new {} publisher", url.app(),
						url.stream(), previous.address(), protocol);
			}
			return AdmissionResponse
				.deny("slot was live: the publisher on air is being cut off; reconnect in a moment to take over");
		}
		this.history.opened(new PublishSession(publisher.sessionId(), slot.id(), url.app(), url.stream(), protocol,
				address, port, origin.recordedRealIp(), client.userAgent(), publisher.since()));
		this.events.publishEvent(new SlotWentLive(url.app(), url.stream(), protocol, publisher.since()));
		return AdmissionResponse.allow(url.withoutQuery(), 0);
	}

	private AdmissionResponse wrongKey(TrustedProxies.Origin origin, String reason, @Nullable OmeUrl url) {
		this.guard.wrongKey(origin.blamed());
		if (this.budget.allow(LogBudget.Kind.WRONG_KEY, origin.blamed())) {
			// Names only a slot that exists: the rest of the URL is the sender's text.
			logger.info("Refused a publish from {}: {}{}", origin.blamed(), reason,
					(url != null) ? " for " + url.app() + "/" + url.stream() : "");
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
			this.events.publishEvent(new SlotWentOffline(url.app(), url.stream(), "closed", this.clock.instant()));
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
