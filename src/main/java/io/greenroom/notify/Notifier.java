package io.greenroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

import io.greenroom.admission.HandOff;
import io.greenroom.live.LiveSnapshot;
import io.greenroom.stream.PublishRefused;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Hears slots going live and offline and publishes refused for a wrong key, and sends the
 * messages for them from one background thread, {@value #THREAD_NAME}.
 * <p>
 * Whoever publishes an event (admission, once its answer is written) only makes a
 * non-blocking offer to a bounded queue; when it is full the oldest event is dropped and
 * counted. Wrong-key alerts have their own small queue, so a flood of bad keys cannot
 * push out news of a slot going live. Everything else happens on the sender thread:
 * looking up the slot, the reconnect grace period, the wrong-key rate limit, rendering,
 * posting with retries, and writing down the outcome.
 * <p>
 * Messages to one target keep their order: a message waits until the one before it is
 * delivered or given up. A post that times out holds the sender for at most the timeout;
 * other targets wait that long.
 */
class Notifier implements SmartLifecycle {

	static final String THREAD_NAME = "notify-sender";

	/** At most one wrong-key alert per address per target within this. */
	static final Duration WRONG_KEY_QUIET = Duration.ofMinutes(10);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

	private static final int ALERT_QUEUE = 64;

	private static final int MAX_ALERTED = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(Notifier.class);

	private final NotifyProperties properties;

	private final TargetStore store;

	private final WebhookClient client;

	private final Messages messages;

	private final SlotFacts.Source slots;

	private final BiFunction<Notice, TargetSpec, Links> links;

	private final Clock clock;

	private final HandOff<Object> intake;

	private final HandOff<PublishRefused> alerts = new HandOff<>(ALERT_QUEUE);

	private final AtomicLong dropped = new AtomicLong();

	private volatile List<TargetSpec> targets = List.of();

	private volatile boolean reloadTargets = true;

	private volatile boolean running;

	private volatile @Nullable Thread sender;

	// The rest is the sender thread's own (and stop()'s, once the thread has ended).

	private final Map<String, Instant> liveSince = new HashMap<>();

	private final Map<String, Held> held = new LinkedHashMap<>();

	private final Map<String, List<Notice.Reconnect>> reconnects = new HashMap<>();

	private final Map<Long, TargetQueue> queues = new LinkedHashMap<>();

	private final Map<String, Instant> alerted = new HashMap<>();

	private @Nullable Instant omeDownSince;

	private boolean omeDownTold;

	private int queued;

	private long sequence;

	private final AtomicLong waiting = new AtomicLong();

	Notifier(NotifyProperties properties, TargetStore store, WebhookClient client, Messages messages,
			SlotFacts.Source slots, BiFunction<Notice, TargetSpec, Links> links, Clock clock) {
		this.properties = properties;
		this.store = store;
		this.client = client;
		this.messages = messages;
		this.slots = slots;
		this.links = links;
		this.clock = clock;
		this.intake = new HandOff<>(properties.queueCapacity());
	}

	@EventListener
	void onLive(SlotWentLive event) {
		offer(this.intake, event);
	}

	@EventListener
	void onOffline(SlotWentOffline event) {
		offer(this.intake, event);
	}

	/** Every poll of OME's API, from the live poller's thread. */
	@EventListener
	void onSnapshot(LiveSnapshot snapshot) {
		offer(this.intake, snapshot);
	}

	@EventListener
	void onRefused(PublishRefused event) {
		offer(this.alerts, event);
	}

	/**
	 * O(1) and never waits, not even for a lock the idle-priority sender holds: drops the
	 * oldest when full.
	 */
	private <E> void offer(HandOff<E> queue, E event) {
		if (queue.offerDroppingOldest(event) != null) {
			this.dropped.incrementAndGet();
		}
		Thread thread = this.sender;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	/** How many events and messages were dropped because the queue was full. */
	long dropped() {
		return this.dropped.get();
	}

	/** How many messages wait to be sent. */
	long waiting() {
		return this.waiting.get() + this.intake.size() + this.alerts.size();
	}

	/** Reads the targets again (after the dashboard changed one). */
	void targetsChanged() {
		this.reloadTargets = true;
		Thread thread = this.sender;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		Instant now = this.clock.instant();
		this.targets = this.store.load();
		this.reloadTargets = false;
		int stale = 0;
		for (QueuedMessage message : this.store.takeQueued()) {
			if (Duration.between(message.getCreatedAt(), now).compareTo(this.properties.staleAfter()) > 0) {
				stale++;
				continue;
			}
			enqueue(message.getTargetId(), message.getBody(), message.getCreatedAt());
		}
		if (stale > 0) {
			logger.info("Dropped {} notification(s) left from the last run: older than {}", stale,
					this.properties.staleAfter());
		}
		this.running = true;
		Thread thread = new Thread(this::run, THREAD_NAME);
		thread.setDaemon(true);
		this.sender = thread;
		thread.start();
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		Thread thread = this.sender;
		if (thread != null) {
			LockSupport.unpark(thread);
			try {
				thread.join(this.properties.timeout().toMillis() + 2000);
				if (thread.isAlive()) {
					// Stuck in a post, or starved of CPU at idle priority: cut the post
					// short.
					thread.interrupt();
					thread.join(5000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (thread.isAlive()) {
				logger.warn("The notification sender did not stop; {} unsent notification(s) are not kept",
						this.waiting.get());
				this.sender = null;
				return;
			}
		}
		this.sender = null;
		// Whatever is left is written down and sent after the next start.
		Instant now = this.clock.instant();
		drainEvents(now);
		for (String key : new ArrayList<>(this.held.keySet())) {
			releaseOffline(key);
		}
		List<QueuedMessage> left = new ArrayList<>();
		for (TargetQueue queue : this.queues.values()) {
			for (Delivery delivery : queue.deliveries) {
				left.add(new QueuedMessage(queue.targetId, delivery.body(), delivery.createdAt()));
			}
		}
		if (!left.isEmpty()) {
			this.store.saveQueued(left);
			logger.info("Kept {} unsent notification(s) to send after the next start", left.size());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the database does. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	private void run() {
		while (this.running) {
			try {
				Instant now = this.clock.instant();
				if (this.reloadTargets) {
					this.reloadTargets = false;
					this.targets = this.store.load();
				}
				drainEvents(now);
				releaseDueOffline(now);
				boolean sent = sendReady(now);
				if (!sent && this.running) {
					LockSupport.parkNanos(nextWake(this.clock.instant()).toNanos());
				}
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				logger.error("Notification sender failed; carrying on", ex);
				LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
			}
		}
	}

	private void drainEvents(Instant now) {
		Object event;
		while ((event = this.intake.poll()) != null) {
			if (event instanceof SlotWentLive live) {
				wentLive(live);
			}
			else if (event instanceof SlotWentOffline offline) {
				wentOffline(offline);
			}
			else if (event instanceof LiveSnapshot snapshot) {
				omeState(snapshot);
			}
		}
		PublishRefused refused;
		while ((refused = this.alerts.poll()) != null) {
			refusedPublish(refused, now);
		}
	}

	private void wentLive(SlotWentLive event) {
		String key = event.app() + "/" + event.slot();
		Held drop = this.held.get(key);
		if (drop != null && !event.at().isAfter(drop.event.at().plus(this.properties.reconnectGrace()))) {
			this.held.remove(key);
			this.reconnects.computeIfAbsent(key, (k) -> new ArrayList<>())
				.add(new Notice.Reconnect(drop.event.at(), Duration.between(drop.event.at(), event.at())));
			return;
		}
		if (drop != null) {
			releaseOffline(key);
		}
		this.liveSince.put(key, event.at());
		List<Notice.Reconnect> notes = takeReconnects(key);
		fanOut(event.app(), TargetSpec::onLive, () -> {
			SlotFacts facts = this.slots.facts(event.app(), event.slot());
			String protocol = "WebRTC".equalsIgnoreCase(event.protocol()) ? "WHIP" : event.protocol();
			return Notice.live(event.app(), event.slot(), facts.displayName(), facts.privateApp(), protocol, event.at(),
					notes);
		});
	}

	private void wentOffline(SlotWentOffline event) {
		String key = event.app() + "/" + event.slot();
		if (this.held.containsKey(key)) {
			return;
		}
		this.held.put(key, new Held(event, event.at().plus(this.properties.reconnectGrace())));
		if (this.properties.reconnectGrace().isZero()) {
			releaseOffline(key);
		}
	}

	/**
	 * Held drops are kept in the order they came, and all wait the same grace, so the
	 * ones due are at the head: this stops at the first that is not, whatever the number
	 * held (a busy show holds thousands).
	 */
	private void releaseDueOffline(Instant now) {
		Map.Entry<String, Held> head;
		while ((head = firstHeld()) != null && !now.isBefore(head.getValue().due)) {
			releaseOffline(head.getKey());
		}
	}

	private Map.@Nullable Entry<String, Held> firstHeld() {
		return this.held.isEmpty() ? null : this.held.entrySet().iterator().next();
	}

	/**
	 * Tells the targets that asked when OME's API has not answered the poller for
	 * {@code ome-down-after}, once, and when it answers again.
	 */
	private void omeState(LiveSnapshot snapshot) {
		Instant since = snapshot.unreachableSince();
		if (!snapshot.reachable() && since != null) {
			this.omeDownSince = since;
			if (!this.omeDownTold && !snapshot.at().isBefore(since.plus(this.properties.omeDownAfter()))) {
				this.omeDownTold = true;
				String problem = (snapshot.problem() != null) ? snapshot.problem() : "no answer";
				fanOut(null, TargetSpec::onOmeDown,
						() -> Notice.omeDown(snapshot.omeUrl(), problem, since, snapshot.at()));
			}
		}
		else if (snapshot.reachable() && this.omeDownTold) {
			this.omeDownTold = false;
			Instant downSince = (this.omeDownSince != null) ? this.omeDownSince : snapshot.at();
			fanOut(null, TargetSpec::onOmeDown,
					() -> Notice.omeBack(snapshot.omeUrl(), Duration.between(downSince, snapshot.at()), snapshot.at()));
		}
	}

	private void releaseOffline(String key) {
		Held drop = this.held.remove(key);
		if (drop == null) {
			return;
		}
		SlotWentOffline event = drop.event;
		Instant since = this.liveSince.remove(key);
		Duration liveFor = (since != null) ? Duration.between(since, event.at()) : null;
		List<Notice.Reconnect> notes = takeReconnects(key);
		fanOut(event.app(), TargetSpec::onOffline, () -> {
			SlotFacts facts = this.slots.facts(event.app(), event.slot());
			return Notice.offline(event.app(), event.slot(), facts.displayName(), facts.privateApp(), liveFor,
					event.reason(), event.at(), notes);
		});
	}

	private List<Notice.Reconnect> takeReconnects(String key) {
		List<Notice.Reconnect> notes = this.reconnects.remove(key);
		return (notes != null) ? List.copyOf(notes) : List.of();
	}

	private void refusedPublish(PublishRefused event, Instant now) {
		for (TargetSpec target : this.targets) {
			if (!target.onWrongKey() || !target.covers(event.app())) {
				continue;
			}
			String key = target.id() + "|" + event.address();
			Instant last = this.alerted.get(key);
			if (last != null && now.isBefore(last.plus(WRONG_KEY_QUIET))) {
				continue;
			}
			if (this.alerted.size() >= MAX_ALERTED) {
				this.alerted.values().removeIf((at) -> !now.isBefore(at.plus(WRONG_KEY_QUIET)));
				if (this.alerted.size() >= MAX_ALERTED) {
					continue;
				}
			}
			this.alerted.put(key, now);
			Notice notice = Notice.wrongKey(event.app(), event.slot(), event.address(), event.reason(), event.at());
			enqueue(new Delivery(this.sequence++, now, null, () -> render(notice, target)), target.id());
		}
	}

	/**
	 * Sends a notice to every target that wants it. The notice (and the slot's display
	 * name, read from the database) is made only when some target does: with none, a busy
	 * show's thousands of events cost nothing but the bookkeeping.
	 */
	/**
	 * @param app the app it is about; null for OME itself, which every target covers
	 */
	private void fanOut(@Nullable String app, java.util.function.Predicate<TargetSpec> wants,
			Supplier<Notice> makeNotice) {
		Instant now = this.clock.instant();
		Supplier<Notice> notice = null;
		for (TargetSpec target : this.targets) {
			if (wants.test(target) && (app == null || target.covers(app))) {
				if (notice == null) {
					notice = once(makeNotice);
				}
				Supplier<Notice> made = notice;
				enqueue(new Delivery(this.sequence++, now, null, () -> render(made.get(), target)), target.id());
			}
		}
	}

	/** Makes the value at the first call only (on the sender thread). */
	private static <T> Supplier<T> once(Supplier<T> make) {
		return new Supplier<>() {

			private @Nullable T value;

			@Override
			public T get() {
				T made = this.value;
				if (made == null) {
					made = make.get();
					this.value = made;
				}
				return made;
			}

		};
	}

	/** The body a target gets for a notice. */
	String render(Notice notice, TargetSpec target) {
		Links links = notice.aboutOme() ? Links.NONE : this.links.apply(notice, target);
		return (target.kind() == TargetKind.DISCORD)
				? this.messages.discord(notice, links, target.template(), target.allowMentions())
				: this.messages.signed(notice, links, target.template());
	}

	private void enqueue(Long targetId, String body, Instant createdAt) {
		enqueue(new Delivery(this.sequence++, createdAt, body, null), targetId);
	}

	private void enqueue(Delivery delivery, Long targetId) {
		TargetQueue queue = this.queues.computeIfAbsent(targetId, TargetQueue::new);
		queue.deliveries.add(delivery);
		this.queued++;
		while (this.queued > this.properties.queueCapacity()) {
			dropOldest();
		}
		this.waiting.set(this.queued);
	}

	private void dropOldest() {
		TargetQueue oldest = null;
		for (TargetQueue queue : this.queues.values()) {
			Delivery head = queue.deliveries.peek();
			if (head != null && (oldest == null || head.sequence < oldest.deliveries.peek().sequence)) {
				oldest = queue;
			}
		}
		if (oldest == null) {
			return;
		}
		oldest.deliveries.poll();
		oldest.attempts = 0;
		oldest.notBefore = Instant.MIN;
		this.queued--;
		this.dropped.incrementAndGet();
	}

	/** Makes at most one attempt per target; returns whether any was made. */
	private boolean sendReady(Instant now) {
		boolean any = false;
		Map<Long, TargetSpec> byId = new HashMap<>();
		for (TargetSpec target : this.targets) {
			byId.put(target.id(), target);
		}
		for (Iterator<TargetQueue> it = this.queues.values().iterator(); it.hasNext();) {
			TargetQueue queue = it.next();
			TargetSpec target = byId.get(queue.targetId);
			if (target == null) {
				// Deleted: its messages go with it.
				this.queued -= queue.deliveries.size();
				it.remove();
				continue;
			}
			Delivery head = queue.deliveries.peek();
			if (head == null || target.broken() != null || now.isBefore(queue.notBefore)) {
				continue;
			}
			if (Duration.between(head.createdAt, now).compareTo(this.properties.staleAfter()) > 0) {
				finish(queue);
				this.store.recordDelivery(target.id(), now, "skipped",
						"older than " + this.properties.staleAfter() + " when its turn came");
				continue;
			}
			any = true;
			attempt(target, queue, head);
			if (!this.running) {
				break;
			}
		}
		this.waiting.set(this.queued);
		return any;
	}

	private void attempt(TargetSpec target, TargetQueue queue, Delivery delivery) {
		Outcome outcome = this.client.post(target, delivery.body());
		Instant now = this.clock.instant();
		queue.attempts++;
		switch (outcome.result()) {
			case DELIVERED -> {
				finish(queue);
				this.store.recordDelivery(target.id(), now, "delivered", null);
			}
			case RETRY -> {
				if (queue.attempts >= this.properties.maxAttempts()) {
					logger.warn("Gave up a notification to {} after {} attempts: {}", target, queue.attempts,
							outcome.status());
					finish(queue);
					this.store.recordDelivery(target.id(), now, "given up: " + outcome.status(), outcome.error());
				}
				else {
					Duration wait = (outcome.retryAfter() != null) ? outcome.retryAfter() : backoff(queue.attempts);
					queue.notBefore = now.plus(wait);
					logger.debug("Notification to {} failed ({}); retrying in {}", target, outcome.status(), wait);
					this.store.recordDelivery(target.id(), now, "retrying: " + outcome.status(), outcome.error());
				}
			}
			case BROKEN -> {
				String reason = brokenReason(outcome);
				logger.warn("Stopped notifying {}: {}", target, outcome.status());
				this.store.markBroken(target.id(), reason);
				this.store.recordDelivery(target.id(), now, outcome.status(), outcome.error());
				queue.attempts = 0;
				this.targets = this.targets.stream()
					.map((t) -> t.id().equals(target.id()) ? t.withBroken(reason) : t)
					.toList();
			}
			case FAILED -> {
				finish(queue);
				logger.warn("A notification to {} was refused: {}", target, outcome.status());
				this.store.recordDelivery(target.id(), now, outcome.status(), outcome.error());
			}
		}
	}

	/** What the dashboard says about a target Discord no longer knows. */
	static String brokenReason(Outcome outcome) {
		return "Discord answered " + outcome.status() + ((outcome.error() != null) ? ": " + outcome.error() : "")
				+ ". The webhook was probably deleted; fix the URL or send a test.";
	}

	private void finish(TargetQueue queue) {
		queue.deliveries.poll();
		queue.attempts = 0;
		queue.notBefore = Instant.MIN;
		this.queued--;
	}

	/** Base × 2^(attempt−1), capped, times a random 50–100 %. */
	Duration backoff(int attempts) {
		long base = this.properties.retryBackoff().toMillis();
		long millis = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(20, attempts - 1));
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble() * 0.5;
		return Duration.ofMillis((long) (millis * jitter));
	}

	private Duration nextWake(Instant now) {
		Instant next = now.plusSeconds(1);
		Map.Entry<String, Held> first = firstHeld();
		if (first != null && first.getValue().due.isBefore(next)) {
			next = first.getValue().due;
		}
		java.util.Set<Long> paused = new java.util.HashSet<>();
		for (TargetSpec target : this.targets) {
			if (target.broken() != null) {
				paused.add(target.id());
			}
		}
		for (TargetQueue queue : this.queues.values()) {
			if (!queue.deliveries.isEmpty() && !paused.contains(queue.targetId) && queue.notBefore.isBefore(next)) {
				next = queue.notBefore;
			}
		}
		Duration wait = Duration.between(now, next);
		return wait.isNegative() ? Duration.ofMillis(1) : wait.plusMillis(1);
	}

	private record Held(SlotWentOffline event, Instant due) {
	}

	/**
	 * A message waiting for its target. A new one is rendered (with the slot's display
	 * name read from the database) only when its turn comes: a target that is slow or
	 * gone while hundreds of events a second come costs a small object each, dropped
	 * unrendered when the queue is full.
	 */
	private static final class Delivery {

		private final long sequence;

		private final Instant createdAt;

		private @Nullable String body;

		private @Nullable Supplier<String> render;

		Delivery(long sequence, Instant createdAt, @Nullable String body, @Nullable Supplier<String> render) {
			this.sequence = sequence;
			this.createdAt = createdAt;
			this.body = body;
			this.render = render;
		}

		long sequence() {
			return this.sequence;
		}

		Instant createdAt() {
			return this.createdAt;
		}

		String body() {
			String rendered = this.body;
			if (rendered == null) {
				rendered = Objects.requireNonNull(this.render).get();
				this.body = rendered;
				this.render = null;
			}
			return rendered;
		}

	}

	private static final class TargetQueue {

		final Long targetId;

		final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();

		int attempts;

		Instant notBefore = Instant.MIN;

		TargetQueue(Long targetId) {
			this.targetId = targetId;
		}

	}

}
