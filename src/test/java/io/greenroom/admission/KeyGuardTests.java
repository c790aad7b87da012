package io.greenroom.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyGuardTests {

	private final MutableClock clock = new MutableClock();

	private final KeyGuard guard = new KeyGuard(
			new AdmissionProperties(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 100), this.clock);

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
			this.guard.wrongKey("10.%d.%d.%d".formatted(i >> 16, (i >> 8) & 255, i & 255));
		}
		assertThat(this.guard.trackedAddresses()).isEqualTo(100);
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
