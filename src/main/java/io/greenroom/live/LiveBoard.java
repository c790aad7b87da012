package io.greenroom.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.greenroom.admission.LivePublishers;
import io.greenroom.ome.OmeStream;
import io.greenroom.stream.App;
import io.greenroom.stream.CatalogChanged;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.web.EventStreams;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Builds each app's board from the poller's last snapshot and Greenroom's own idea of who
 * is live, keeps the per-session figures OME does not (peak viewers, best frame rate, why
 * a slot is live), and pushes the board to open pages as server-sent events after every
 * poll and every change of who is live. Sending runs on its own thread
 * ({@value #THREAD_NAME}), so neither the poller nor admission waits for a browser.
 */
@Service
public class LiveBoard implements DisposableBean {

	static final String THREAD_NAME = "live-board";

	/** How long one event stream stays open before the browser is asked to reconnect. */
	private static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);

	/** The shortest time between two pushes of one app's board. */
	static final Duration MIN_PUSH_GAP = Duration.ofSeconds(1);

	/** Figures of one session that OME does not keep. */
	private static final class Session {

		volatile int peakViewers;

		volatile double bestFps;

		volatile String reason = SlotWentLive.ADMITTED;

	}

	private final StreamCatalog catalog;

	private final LivePublishers live;

	private final OmePoller poller;

	private final LiveDemand demand;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final Map<Long, List<SseEmitter>> listeners = new ConcurrentHashMap<>();

	/**
	 * Open boards by app name, so an admission event for an app nobody watches costs
	 * nothing.
	 */
	private final Map<String, Long> watched = new ConcurrentHashMap<>();

	/** Apps with a push waiting: one at a time per app, however many events come. */
	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	/**
	 * The slots of each open board's app, read from the database once and kept until the
	 * catalog changes: a push every second renders from memory only.
	 */
	private final Map<Long, Roster> rosters = new ConcurrentHashMap<>();

	/**
	 * Counts catalog changes, so a roster read before a change is never kept after it.
	 */
	private final AtomicLong catalogVersion = new AtomicLong();

	/** An app and its slots as the database had them. */
	private record Roster(App app, List<Slot> slots) {
	}

	/** When each app's board was last pushed ({@link System#nanoTime()}). */
	private final Map<Long, Long> lastPush = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor sender = new ScheduledThreadPoolExecutor(1, (runnable) -> {
		Thread thread = new Thread(runnable, THREAD_NAME);
		thread.setDaemon(true);
		return thread;
	});

	LiveBoard(StreamCatalog catalog, LivePublishers live, OmePoller poller, LiveDemand demand) {
		this.catalog = catalog;
		this.live = live;
		this.poller = poller;
		this.demand = demand;
	}

	/** The board of {@code app} now. */
	public BoardView view(App app) {
		return view(app, this.catalog.listSlots(app.getId()));
	}

	private BoardView view(App app, List<Slot> slots) {
		LiveSnapshot snapshot = this.poller.snapshot();
		List<SlotCard> cards = new ArrayList<>();
		int onAir = 0;
		int viewers = 0;
		for (Slot slot : slots) {
			SlotCard card = card(app.getName(), slot, snapshot);
			cards.add(card);
			onAir += card.onAir() ? 1 : 0;
			viewers += card.viewers();
		}
		return new BoardView(app.getName(), snapshot.at().toEpochMilli(), snapshot.reachable(), snapshot.omeUrl(),
				(snapshot.unreachableSince() != null) ? snapshot.unreachableSince().toEpochMilli() : null,
				snapshot.problem(), onAir, viewers, cards);
	}

	/**
	 * Slots live and WebRTC viewers of an app, from memory only: for the apps list.
	 */
	public AppLive summary(String app) {
		int viewers = 0;
		for (OmeStream stream : this.poller.snapshot().streams(app)) {
			viewers += (stream.stats() != null) ? stream.stats().webrtcViewers() : 0;
		}
		return new AppLive(this.live.liveSlots(app).size(), viewers);
	}

	/**
	 * Live figures of an app for the apps list.
	 *
	 * @param live slots on air
	 * @param viewers WebRTC viewers
	 */
	public record AppLive(int live, int viewers) {
	}

	/** What the streamer of {@code app/slot} should change now; none when off air. */
	public List<StreamHealth.Warning> warnings(String app, Slot slot) {
		OmeStream stream = this.poller.snapshot().stream(app, slot.getName());
		if (stream == null) {
			return List.of();
		}
		Session session = this.sessions.get(key(app, slot.getName()));
		return StreamHealth.check(stream, slot.getBitrateKbps(), (session != null) ? session.bestFps : 0, true);
	}

	private SlotCard card(String app, Slot slot, LiveSnapshot snapshot) {
		OmeStream stream = snapshot.stream(app, slot.getName());
		Optional<LivePublishers.OnAir> publisher = this.live.onAir(app, slot.getName());
		Session session = this.sessions.get(key(app, slot.getName()));
		boolean onAir = publisher.isPresent() || stream != null;
		Long since = publisher.map((p) -> p.since().toEpochMilli())
			.orElse((stream != null && stream.createdTime() != null) ? stream.createdTime().toEpochMilli() : null);
		String protocol = publisher.map(LivePublishers.OnAir::protocol)
			.orElse((stream != null) ? stream.sourceType() : null);
		String address = publisher.map(LivePublishers.OnAir::address)
			.orElse((stream != null) ? stream.sourceAddress() : null);
		String reason = !onAir ? null : (session != null) ? session.reason : SlotWentLive.ADMITTED;
		OmeStream.Video video = (stream != null) ? stream.video() : null;
		OmeStream.Audio audio = (stream != null) ? stream.audio() : null;
		OmeStream.Stats stats = (stream != null) ? stream.stats() : null;
		List<StreamHealth.Warning> warnings = (stream != null)
				? StreamHealth.check(stream, slot.getBitrateKbps(), (session != null) ? session.bestFps : 0, true)
				: List.of();
		int viewers = (stats != null) ? stats.webrtcViewers() : 0;
		return new SlotCard(slot.getId(), slot.getName(), slot.getDisplayName(), onAir, since, reason, protocol,
				address, (video != null) ? video.codec() + " " + video.width() + "×" + video.height() : null,
				(video != null) ? round1(video.framerate()) : 0, (video != null) ? video.bitrate() / 1000 : 0,
				(video != null) ? video.bitrateAvg() / 1000 : 0,
				(video != null) ? round1(video.keyFrameIntervalSeconds()) : 0,
				(audio != null) ? audio.codec() + " " + audio.bitrate() / 1000 + " Kbps" : null, viewers,
				Math.max(viewers, (session != null) ? session.peakViewers : 0), (stats != null) ? stats.bytesOut() : 0,
				slot.getBitrateKbps(), warnings);
	}

	private static double round1(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** Opens an event stream of {@code app}'s board. */
	SseEmitter subscribe(App app) {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		List<SseEmitter> forApp = this.listeners.computeIfAbsent(app.getId(), (key) -> new CopyOnWriteArrayList<>());
		forApp.add(emitter);
		this.watched.put(app.getName(), app.getId());
		this.demand.boardOpened(app.getName());
		Runnable gone = () -> {
			if (forApp.remove(emitter)) {
				this.demand.boardClosed(app.getName());
				if (forApp.isEmpty()) {
					this.rosters.remove(app.getId());
				}
			}
		};
		emitter.onCompletion(gone);
		emitter.onTimeout(() -> {
			gone.run();
			emitter.complete();
		});
		emitter.onError((ex) -> gone.run());
		this.poller.wake();
		this.sender.execute(() -> send(List.of(emitter), app, this.catalog.listSlots(app.getId())));
		return emitter;
	}

	/** After each poll: keeps the session figures, then updates the open boards. */
	@EventListener
	@Order(10)
	void onSnapshot(LiveSnapshot snapshot) {
		snapshot.streams().forEach((app, streams) -> streams.forEach((name, stream) -> {
			Session session = this.sessions.computeIfAbsent(key(app, name), (key) -> new Session());
			if (stream.stats() != null) {
				session.peakViewers = Math.max(session.peakViewers, stream.stats().webrtcViewers());
			}
			if (stream.video() != null) {
				session.bestFps = Math.max(session.bestFps, stream.video().framerate());
			}
		}));
		if (snapshot.reachable()) {
			// Sessions of streams that ended without a word to admission.
			this.sessions.keySet().removeIf((key) -> {
				int slash = key.indexOf('/');
				String app = key.substring(0, slash);
				String slot = key.substring(slash + 1);
				return snapshot.stream(app, slot) == null && !this.live.isLive(app, slot);
			});
		}
		pushAll();
	}

	/**
	 * On the admission thread: forgets the figures of the slot's previous stream (new
	 * ones start with the next poll) and holds nothing new, except the rare adopted
	 * stream's reason.
	 */
	@EventListener
	void onLive(SlotWentLive event) {
		if (SlotWentLive.ADOPTED.equals(event.reason())) {
			Session session = new Session();
			session.reason = event.reason();
			this.sessions.put(key(event.app(), event.slot()), session);
		}
		else {
			this.sessions.remove(key(event.app(), event.slot()));
		}
		push(event.app());
	}

	@EventListener
	void onOffline(SlotWentOffline event) {
		this.sessions.remove(key(event.app(), event.slot()));
		push(event.app());
	}

	private void pushAll() {
		this.listeners.keySet().forEach(this::push);
	}

	private void push(String appName) {
		Long appId = this.watched.get(appName);
		if (appId != null) {
			push(appId);
		}
	}

	/**
	 * Sends the app's board to its open pages, at most every {@link #MIN_PUSH_GAP}: a
	 * show's hundreds of admission events a second become a few pushes.
	 */
	private void push(Long appId) {
		List<SseEmitter> emitters = this.listeners.get(appId);
		if (emitters == null || emitters.isEmpty() || !this.pending.add(appId)) {
			return;
		}
		Long last = this.lastPush.get(appId);
		long wait = (last != null) ? MIN_PUSH_GAP.toNanos() - (System.nanoTime() - last) : 0;
		try {
			this.sender.schedule(() -> {
				this.pending.remove(appId);
				this.lastPush.put(appId, System.nanoTime());
				Roster roster = roster(appId);
				if (roster != null) {
					send(emitters, roster.app(), roster.slots());
				}
			}, Math.max(0, wait), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException stopping) {
			this.pending.remove(appId);
		}
	}

	/** The app and slots of an open board, from memory when the catalog is unchanged. */
	private @Nullable Roster roster(Long appId) {
		Roster kept = this.rosters.get(appId);
		if (kept != null) {
			return kept;
		}
		long version = this.catalogVersion.get();
		Optional<App> app = this.catalog.findApp(appId);
		if (app.isEmpty()) {
			return null;
		}
		Roster read = new Roster(app.get(), List.copyOf(this.catalog.listSlots(appId)));
		if (this.catalogVersion.get() == version) {
			this.rosters.put(appId, read);
		}
		return read;
	}

	/** Any app or slot changed: the next push of every board reads it again. */
	@TransactionalEventListener(fallbackExecution = true)
	void onCatalogChanged(CatalogChanged event) {
		this.catalogVersion.incrementAndGet();
		this.rosters.clear();
		pushAll();
	}

	private void send(List<SseEmitter> emitters, App app, List<Slot> slots) {
		BoardView view = view(app, slots);
		for (SseEmitter emitter : emitters) {
			try {
				emitter.send(SseEmitter.event().name("board").data(view, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				EventStreams.endAfterFailedSend(emitter);
			}
		}
	}

	/** How many boards are open now. */
	int openBoards() {
		return this.demand.openBoards();
	}

	private static String key(String app, String slot) {
		return app + "/" + slot;
	}

	/**
	 * Ends every open stream as soon as shutdown begins, so the web server's graceful
	 * shutdown does not wait for them.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.listeners.values().forEach((emitters) -> emitters.forEach(SseEmitter::complete));
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
		closeStreams();
	}

}
