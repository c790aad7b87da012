package io.greenroom.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.greenroom.ome.OmeApiClient;
import io.greenroom.ome.OmeStream;
import io.greenroom.ome.OmeStreamsListed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The one reader of OME's REST API for live figures. On its own thread
 * ({@value #THREAD_NAME}), one request at a time, it lists the streams of every app, then
 * reads the detail and the traffic of each, and keeps the result as an immutable
 * {@link LiveSnapshot}. It reads every {@code poll-interval} while a board is open or a
 * scrape came recently, and every {@code heartbeat} otherwise. Each poll that reaches OME
 * is published as {@link OmeStreamsListed} (the live reconciliation rides on it) and each
 * new snapshot as itself. Pages and admission never call OME; they read the snapshot.
 */
public class OmePoller {

	/** The poller thread's name, which {@code BackgroundPriority} lowers. */
	public static final String THREAD_NAME = "live-poller";

	private static final Logger logger = LoggerFactory.getLogger(OmePoller.class);

	private final OmeApiClient api;

	private final Supplier<SortedSet<String>> apps;

	private final Supplier<Set<String>> busy;

	/** When every app was last read; null before the first. */
	private @Nullable Instant lastSweep;

	private final LiveProperties properties;

	private final LiveDemand demand;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Object wakeUp = new Object();

	private volatile LiveSnapshot snapshot;

	private volatile boolean running;

	private boolean woken;

	private Thread thread;

	/**
	 * @param apps the apps to ask OME about: those in the catalog and those with a slot
	 * on air
	 * @param busy the apps a poll between two full sweeps reads: those with a slot on air
	 */
	OmePoller(OmeApiClient api, Supplier<SortedSet<String>> apps, Supplier<Set<String>> busy, LiveProperties properties,
			LiveDemand demand, ApplicationEventPublisher events, Clock clock) {
		this.api = api;
		this.apps = apps;
		this.busy = busy;
		this.properties = properties;
		this.demand = demand;
		this.events = events;
		this.clock = clock;
		this.snapshot = LiveSnapshot.initial(api.baseUrl(), clock.instant());
	}

	/** The last snapshot; never null. */
	public LiveSnapshot snapshot() {
		return this.snapshot;
	}

	/** Starts the poller thread. */
	synchronized void start() {
		if (this.thread != null) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, THREAD_NAME);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Stops the poller thread. */
	void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	/** Polls at once rather than after the heartbeat's pause: a board just opened. */
	void wake() {
		synchronized (this.wakeUp) {
			this.woken = true;
			this.wakeUp.notifyAll();
		}
	}

	private void run() {
		while (this.running) {
			try {
				poll();
			}
			catch (Exception ex) {
				if (!this.running) {
					return;
				}
				logger.warn("Could not read OME's live streams", ex);
			}
			try {
				pause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void pause() throws InterruptedException {
		long until = System.nanoTime() + this.properties.pollInterval().toNanos();
		long heartbeatUntil = System.nanoTime() + this.properties.heartbeat().toNanos();
		synchronized (this.wakeUp) {
			while (!this.woken) {
				long deadline = this.demand.wanted() ? until : heartbeatUntil;
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				// Wake at least every poll interval to notice a board opened meanwhile.
				long step = Math.min(left, this.properties.pollInterval().toNanos());
				this.wakeUp.wait(Math.max(1, step / 1_000_000));
			}
			this.woken = false;
		}
	}

	/**
	 * One poll: reads OME, replaces the snapshot, and publishes it.
	 * @return the new snapshot
	 */
	LiveSnapshot poll() {
		long start = System.nanoTime();
		Instant now = this.clock.instant();
		LiveSnapshot previous = this.snapshot;
		LiveSnapshot next;
		boolean sweep = this.lastSweep == null || !previous.reachable()
				|| !now.isBefore(this.lastSweep.plus(this.properties.heartbeat()));
		try {
			Map<String, List<OmeStream>> listed = new LinkedHashMap<>();
			Map<String, Map<String, OmeStream>> streams = new LinkedHashMap<>();
			for (String app : sweep ? this.apps.get() : busyApps(previous)) {
				List<OmeStream> found = new ArrayList<>();
				for (String name : this.api.streamNames(app)) {
					Optional<OmeStream> detail = this.api.streamDetail(app, name);
					if (detail.isEmpty()) {
						// It ended between the list and now.
						continue;
					}
					OmeStream stream = detail.get().withStats(this.api.streamStats(app, name).orElse(null));
					found.add(stream);
				}
				listed.put(app, List.copyOf(found));
				Map<String, OmeStream> byName = new LinkedHashMap<>();
				found.forEach((stream) -> byName.put(stream.name(), stream));
				streams.put(app, Map.copyOf(byName));
			}
			if (sweep) {
				this.lastSweep = now;
			}
			else {
				// Apps not read this time keep what the last read found.
				previous.streams().forEach(streams::putIfAbsent);
			}
			long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			next = new LiveSnapshot(now, this.api.baseUrl(), true, null, null, Map.copyOf(streams), millis);
			if (!previous.reachable()) {
				logger.info("OME's API at {} answers again", this.api.baseUrl());
			}
			this.snapshot = next;
			this.events.publishEvent(new OmeStreamsListed(Map.copyOf(listed), now));
		}
		catch (OmeApiClient.OmeApiException ex) {
			long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			Instant since = (previous.unreachableSince() != null) ? previous.unreachableSince() : now;
			if (previous.reachable()) {
				logger.warn("OME's API is not answering the live poll: {}", ex.getMessage());
			}
			next = new LiveSnapshot(now, this.api.baseUrl(), false, since, ex.getMessage(), previous.streams(), millis);
			this.snapshot = next;
		}
		this.events.publishEvent(next);
		return next;
	}

	/**
	 * What a poll between two sweeps reads: the apps with a slot on air, with a board
	 * open, or with a stream at the last read. A stream OME has in any other app (one
	 * nobody was admitted for here) is found by the next sweep, every {@code heartbeat}.
	 * With a thousand apps and fifty streams, that is fifty lists instead of a thousand.
	 */
	private SortedSet<String> busyApps(LiveSnapshot previous) {
		SortedSet<String> read = new TreeSet<>(this.busy.get());
		read.addAll(this.demand.watchedApps());
		previous.streams().forEach((app, streams) -> {
			if (!streams.isEmpty()) {
				read.add(app);
			}
		});
		return read;
	}

	/** The apps to poll: the catalog's and any with a slot on air. */
	static SortedSet<String> union(List<String> catalog, SortedSet<String> live) {
		SortedSet<String> all = new TreeSet<>(catalog);
		all.addAll(live);
		return all;
	}

}
