package io.greenroom.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.greenroom.admission.LivePublishers;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Which slot a joiner gets: the first enabled slot that is neither live nor held, none
 * when all are taken, and the slot back for the next joiner after leaving or a lapsed
 * hold.
 */
class CallSeatsTests {

	private final StreamCatalog catalog = mock(StreamCatalog.class);

	private final LivePublishers live = mock(LivePublishers.class);

	private final Set<String> liveSlots = new HashSet<>();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));

	private final App call = mock(App.class);

	private CallSeats seats;

	@BeforeEach
	void setUp() {
		given(this.call.getId()).willReturn(7L);
		given(this.call.getName()).willReturn("call");
		List<Slot> slots = List.of(slot(1, "slot-1", true), slot(2, "slot-2", false), slot(3, "slot-3", true),
				slot(4, "slot-4", true));
		given(this.catalog.listSlots(7L)).willReturn(slots);
		given(this.live.isLive(anyString(), anyString()))
			.willAnswer((invocation) -> this.liveSlots.contains(invocation.getArgument(1, String.class)));
		this.seats = new CallSeats(this.catalog, this.live, this.clock);
	}

	@Test
	void givesTheFirstEnabledSlotThatIsNeitherLiveNorHeld() {
		this.liveSlots.add("slot-1");
		assertThat(this.seats.free(this.call)).isEqualTo(2);
		Seat ada = this.seats.take(this.call, "Ada").orElseThrow();
		assertThat(ada.slot()).as("slot-1 is live, slot-2 disabled").isEqualTo("slot-3");
		Seat bob = this.seats.take(this.call, "Bob").orElseThrow();
		assertThat(bob.slot()).as("slot-3 is held by Ada").isEqualTo("slot-4");
		assertThat(bob.id()).isNotEqualTo(ada.id()).hasSizeGreaterThanOrEqualTo(22);
		assertThat(this.seats.names("call")).containsEntry("slot-3", "Ada").containsEntry("slot-4", "Bob").hasSize(2);
	}

	@Test
	void saysNoneIsFreeWhenEverySlotIsLiveOrHeld() {
		this.liveSlots.add("slot-1");
		this.liveSlots.add("slot-3");
		this.seats.take(this.call, "Ada").orElseThrow();
		assertThat(this.seats.free(this.call)).isZero();
		assertThat(this.seats.take(this.call, "Bob")).isEmpty();
	}

	@Test
	void leavingFreesTheSlotForTheNextJoiner() {
		this.liveSlots.add("slot-1");
		this.liveSlots.add("slot-3");
		Seat ada = this.seats.take(this.call, "Ada").orElseThrow();
		assertThat(this.seats.take(this.call, "Bob")).isEmpty();
		assertThat(this.seats.leave("other-app", ada.id())).as("a seat leaves only its own app").isFalse();
		assertThat(this.seats.leave("call", ada.id())).isTrue();
		assertThat(this.seats.names("call")).isEmpty();
		assertThat(this.seats.take(this.call, "Bob")).map(Seat::slot).contains("slot-4");
		assertThat(this.seats.renew("call", ada.id())).as("a seat that left cannot be renewed").isFalse();
	}

	@Test
	void aHoldLapsesWithoutRenewalButALiveSlotStaysTaken() {
		Seat ada = this.seats.take(this.call, "Ada").orElseThrow();
		Seat bob = this.seats.take(this.call, "Bob").orElseThrow();
		this.liveSlots.add(bob.slot());
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.seats.renew("call", ada.id())).isTrue();
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.seats.names("call")).as("Ada renewed, Bob's hold lapsed").containsOnlyKeys(ada.slot());
		Optional<Seat> next = this.seats.take(this.call, "Cy");
		assertThat(next).map(Seat::slot).as("Bob's slot is still live").contains("slot-4");
		this.clock.advance(CallSeats.HOLD);
		assertThat(this.seats.renew("call", ada.id())).isFalse();
	}

	private static Slot slot(long id, String name, boolean enabled) {
		Slot slot = mock(Slot.class);
		given(slot.getId()).willReturn(id);
		given(slot.getName()).willReturn(name);
		given(slot.isEnabled()).willReturn(enabled);
		return slot;
	}

	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
