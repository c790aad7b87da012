package io.greenroom.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyGuardTests {

	private final MutableClock clock = new MutableClock();

	private final KeyGuard guard = new KeyGuard(
			new AdmissionProperties(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 100, List.of(), ""), this.clock);

	@Test
	void blocksAfterTheLimitWithinTheWindowAndForgivesAfterTheCoolDown() {
		this.guard.wrongKey("192.0.2.1");
		this.guard.wrongKey("192.0.2.1");
		assertThat(this.guard.isBlocked("192.0.2.1")).isFalse();
		this.guard.wrongKey("192.0.2.1");
		assertThat(this.guard.isBlocked("192.0.2.1")).isTrue();
		assertThat(this.guard.isBlocked("192.0.2.2")).isFalse();
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(this.guard.isBlocked("192.0.2.1")).isFalse();
	}

	@Test
	void forgetsWrongKeysOutsideTheWindow() {
		this.guard.wrongKey("192.0.2.1");
		this.guard.wrongKey("192.0.2.1");
		this.clock.advance(Duration.ofMinutes(2));
		this.guard.wrongKey("192.0.2.1");
		assertThat(this.guard.isBlocked("192.0.2.1")).isFalse();
	}

	@Test
	void staysBoundedUnderAFloodOfAddresses() {
		for (int i = 0; i < 100_000; i++) {
			this.guard.wrongKey(floodAddress(i));
		}
		assertThat(this.guard.trackedAddresses()).isLessThanOrEqualTo(100).isGreaterThanOrEqualTo(90);
	}

	@Test
	void anAddressInItsCoolDownOutlastsAFloodOfNewAddresses() {
		for (int i = 0; i < 3; i++) {
			this.guard.wrongKey("192.0.2.1");
		}
		for (int i = 0; i < 100_000; i++) {
			this.guard.wrongKey(floodAddress(i));
			this.clock.advance(Duration.ofMillis(1));
			if (i % 10_000 == 0) {
				assertThat(this.guard.isBlocked("192.0.2.1")).as("after %d new addresses", i).isTrue();
			}
		}
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.guard.isBlocked("192.0.2.1")).isFalse();
	}

	@Test
	void anAddressWhoseWindowPassedMakesRoomBeforeOnesStillCountingEvenIfSeenLater() {
		KeyGuard small = new KeyGuard(
				new AdmissionProperties(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 10, List.of(), ""),
				this.clock);
		small.wrongKey("192.0.2.1");
		this.clock.advance(Duration.ofSeconds(15));
		for (int i = 0; i < KeyGuard.WAYS - 1; i++) {
			small.wrongKey(floodAddress(i));
		}
		this.clock.advance(Duration.ofSeconds(44));
		small.wrongKey("192.0.2.1");
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(small.trackedAddresses()).isEqualTo(KeyGuard.WAYS);
		small.wrongKey("198.51.100.7");
		for (int i = 0; i < KeyGuard.WAYS - 1; i++) {
			small.wrongKey(floodAddress(i));
			small.wrongKey(floodAddress(i));
			assertThat(small.isBlocked(floodAddress(i))).as("%s is still counted", floodAddress(i)).isTrue();
		}
	}

	@Test
	void countingWrongKeysAllocatesNothingOnceAddressesAreKnownOrNew() {
		String[] addresses = new String[50_000];
		for (int i = 0; i < addresses.length; i++) {
			addresses[i] = floodAddress(i);
		}
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		for (String address : addresses) {
			this.guard.wrongKey(address);
			this.guard.isBlocked(address);
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(allocated).as("bytes allocated for %d addresses", addresses.length).isLessThan(4096);
	}

	private static String floodAddress(int i) {
		return "10.%d.%d.%d".formatted(i >> 16, (i >> 8) & 255, i & 255);
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-25T18:00:00Z");

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
