package io.greenroom.admission;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.greenroom.stream.Names;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which slots are live right now, and who publishes to each: at most one publisher per
 * slot. Kept in memory; a restart of Greenroom forgets it and closes the open sessions as
 * lost.
 */
@Component
public class LivePublishers {

	/**
	 * The publisher on air for a slot.
	 *
	 * @param sessionId the session record's id
	 * @param address client address as OME sees it
	 * @param port client port
	 * @param protocol {@code RTMP} or {@code WebRTC}
	 * @param since when it went live
	 */
	record Publisher(long sessionId, String address, int port, String protocol, Instant since) {

		boolean sameConnection(String address, int port) {
			return this.address.equals(address) && this.port == port;
		}

	}

	private final Map<String, Publisher> bySlot = new ConcurrentHashMap<>();

	/** How many slots are live now. */
	public int count() {
		return this.bySlot.size();
	}

	/** The slots of an app that are live now, in natural order. */
	public java.util.List<String> liveSlots(String app) {
		String prefix = app + "/";
		return this.bySlot.keySet()
			.stream()
			.filter((key) -> key.startsWith(prefix))
			.map((key) -> key.substring(prefix.length()))
			.sorted(Names.NATURAL_ORDER)
			.toList();
	}

	/**
	 * The protocol the slot's publisher came in over ({@code RTMP} or {@code WebRTC}), or
	 * null when the slot is not live.
	 */
	public @Nullable String protocolOf(String app, String slot) {
		Publisher publisher = this.bySlot.get(key(app, slot));
		return (publisher != null) ? publisher.protocol() : null;
	}

	/**
	 * Who is on air for a slot, as pages may show it.
	 *
	 * @param protocol {@code RTMP} or {@code WebRTC}
	 * @param address the publisher's address and port as OME sees them
	 * @param since when the slot went live
	 */
	public record OnAir(String protocol, String address, Instant since) {
	}

	/** Who is on air for a slot now, if anyone. */
	public java.util.Optional<OnAir> onAir(String app, String slot) {
		Publisher publisher = this.bySlot.get(key(app, slot));
		return (publisher != null) ? java.util.Optional
			.of(new OnAir(publisher.protocol(), publisher.address() + ":" + publisher.port(), publisher.since()))
				: java.util.Optional.empty();
	}

	/** The apps with at least one slot live now, sorted. */
	public java.util.SortedSet<String> liveApps() {
		java.util.SortedSet<String> apps = new java.util.TreeSet<>();
		this.bySlot.keySet().forEach((key) -> apps.add(key.substring(0, key.indexOf('/'))));
		return apps;
	}

	/** Whether a slot is live now. */
	public boolean isLive(String app, String slot) {
		return this.bySlot.containsKey(key(app, slot));
	}

	/**
	 * Puts a publisher on air if the slot is free. Atomic: of two racing publishers, one
	 * wins.
	 * @return the publisher already on air, or null when the slot was free
	 */
	@Nullable Publisher claim(String app, String slot, Publisher publisher) {
		return claim(key(app, slot), publisher);
	}

	/**
	 * As {@link #claim(String, String, Publisher)}, for a slot named by its
	 * {@link #key(String, String) key}.
	 */
	@Nullable Publisher claim(String slotKey, Publisher publisher) {
		Publisher[] previous = new Publisher[1];
		this.bySlot.compute(slotKey, (key, current) -> {
			previous[0] = current;
			if (current == null) {
				return publisher;
			}
			return current;
		});
		return previous[0];
	}

	/** Takes a publisher off air, if it is the one on air. Closing twice is harmless. */
	@Nullable Publisher release(String app, String slot, String address, int port) {
		return release(key(app, slot), address, port);
	}

	/**
	 * As {@link #release(String, String, String, int)}, for a slot named by its
	 * {@link #key(String, String) key}.
	 */
	@Nullable Publisher release(String slotKey, String address, int port) {
		Publisher[] removed = new Publisher[1];
		this.bySlot.computeIfPresent(slotKey, (key, current) -> {
			if (current.sameConnection(address, port)) {
				removed[0] = current;
				return null;
			}
			return current;
		});
		return removed[0];
	}

	/** Takes whoever is on air for a slot off air, whatever their connection. */
	@Nullable Publisher releaseSlot(String app, String slot) {
		return this.bySlot.remove(key(app, slot));
	}

	/** Everyone on air now, by app and then slot; a copy. */
	Map<String, Map<String, Publisher>> byApp() {
		Map<String, Map<String, Publisher>> apps = new java.util.TreeMap<>();
		this.bySlot.forEach((key, publisher) -> {
			int slash = key.indexOf('/');
			apps.computeIfAbsent(key.substring(0, slash), (app) -> new java.util.TreeMap<>())
				.put(key.substring(slash + 1), publisher);
		});
		return apps;
	}

	/**
	 * The key a slot's publisher is held under. {@link SlotDirectory} keeps one per slot,
	 * so that a live publisher holds no string of its own: at 150 sessions a second each
	 * new one was another string promoted into the old generation.
	 */
	static String key(String app, String slot) {
		return app + "/" + slot;
	}

}
