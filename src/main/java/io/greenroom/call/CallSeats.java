package io.greenroom.call;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.greenroom.admission.LivePublishers;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;

import org.springframework.stereotype.Service;

/**
 * Seats of an app's call: who joined on which slot. A slot is free when it is enabled,
 * not live, and not held by another joiner whose page renewed the hold within
 * {@link #HOLD}. Joiners get the first free slot in natural order. Kept in memory only:
 * after a restart, a participant who is live keeps the slot by being live, but their tile
 * shows the slot's display name instead of the name they typed.
 */
@Service
public class CallSeats {

	/** How long a hold lasts without renewal; a joiner's page renews every 10 s. */
	public static final Duration HOLD = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StreamCatalog catalog;

	private final LivePublishers live;

	private final Clock clock;

	private final Map<String, Seat> seats = new HashMap<>();

	public CallSeats(StreamCatalog catalog, LivePublishers live, Clock clock) {
		this.catalog = catalog;
		this.live = live;
		this.clock = clock;
	}

	/** Takes the first free slot of the app for this name; empty when none is free. */
	public synchronized Optional<Seat> take(App app, String name) {
		Instant now = this.clock.instant();
		dropLapsed(now);
		Optional<Slot> free = freeSlots(app).stream().findFirst();
		return free.map((slot) -> {
			Seat seat = new Seat(newId(), app.getName(), slot.getId(), slot.getName(), name, now.plus(HOLD));
			this.seats.put(seat.id(), seat);
			return seat;
		});
	}

	/** How many slots of the app someone could join now. */
	public synchronized int free(App app) {
		dropLapsed(this.clock.instant());
		return freeSlots(app).size();
	}

	/** Extends the hold; false when the seat is gone (left, lapsed or unknown). */
	public synchronized boolean renew(String app, String seatId) {
		Instant now = this.clock.instant();
		dropLapsed(now);
		Seat seat = this.seats.get(seatId);
		if (seat == null || !seat.app().equals(app)) {
			return false;
		}
		this.seats.put(seatId, seat.renewedUntil(now.plus(HOLD)));
		return true;
	}

	/** Frees the seat's slot for the next joiner; false when there was no such seat. */
	public synchronized boolean leave(String app, String seatId) {
		Seat seat = this.seats.get(seatId);
		if (seat == null || !seat.app().equals(app)) {
			return false;
		}
		this.seats.remove(seatId);
		return true;
	}

	/** The participants' names by slot name, for the tiles of the app's call. */
	public synchronized Map<String, String> names(String app) {
		dropLapsed(this.clock.instant());
		Map<String, String> names = new LinkedHashMap<>();
		this.seats.values()
			.stream()
			.filter((seat) -> seat.app().equals(app))
			.forEach((seat) -> names.put(seat.slot(), seat.name()));
		return names;
	}

	private List<Slot> freeSlots(App app) {
		Set<Long> held = this.seats.values()
			.stream()
			.filter((seat) -> seat.app().equals(app.getName()))
			.map(Seat::slotId)
			.collect(Collectors.toSet());
		return this.catalog.listSlots(app.getId())
			.stream()
			.filter(Slot::isEnabled)
			.filter((slot) -> !held.contains(slot.getId()))
			.filter((slot) -> !this.live.isLive(app.getName(), slot.getName()))
			.toList();
	}

	private void dropLapsed(Instant now) {
		for (Iterator<Seat> it = this.seats.values().iterator(); it.hasNext();) {
			if (!it.next().heldUntil().isAfter(now)) {
				it.remove();
			}
		}
	}

	private static String newId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
