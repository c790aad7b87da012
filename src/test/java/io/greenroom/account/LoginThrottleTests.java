package io.greenroom.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

	private Instant now = Instant.parse("2026-12-01T10:00:00Z");

	private final LoginThrottle throttle = new LoginThrottle(new Clock() {

		@Override
		public Instant instant() {
			return LoginThrottleTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	});

	@Test
	void theFirstFailuresCostNothing() {
		for (int i = 1; i < LoginThrottle.FREE_ATTEMPTS; i++) {
			this.throttle.failed("203.0.113.1", "admin");
			assertThat(this.throttle.waitFor("203.0.113.1", "admin")).isZero();
		}
	}

	@Test
	void eachFurtherFailureWaitsTwiceAsLongUpToTheCap() {
		assertThat(LoginThrottle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(LoginThrottle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
		assertThat(LoginThrottle.delayAfter(8)).isEqualTo(Duration.ofSeconds(8));
		assertThat(LoginThrottle.delayAfter(12)).isEqualTo(LoginThrottle.MAX_DELAY);
		assertThat(LoginThrottle.delayAfter(1_000_000)).isEqualTo(LoginThrottle.MAX_DELAY);
	}

	@Test
	void slowsTheAddressAndTheUserNameAndLogsOncePerEpisode(CapturedOutput output) {
		for (int i = 0; i < 7; i++) {
			this.throttle.failed("203.0.113.1", "admin");
			this.now = this.now.plusSeconds(10);
		}
		this.now = this.now.minusSeconds(10);
		assertThat(this.throttle.waitFor("203.0.113.1", "someone")).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.throttle.waitFor("198.51.100.7", "admin")).as("guessing from another address")
			.isEqualTo(Duration.ofSeconds(4));
		assertThat(this.throttle.waitFor("198.51.100.7", "someone")).isZero();
		assertThat(output.getOut().lines().filter((line) -> line.contains("Slowing down logins"))).hasSize(2)
			.anyMatch((line) -> line.contains("from 203.0.113.1"))
			.anyMatch((line) -> line.contains("for user admin"));
	}

	@Test
	void aSuccessfulLoginClearsTheCount() {
		for (int i = 0; i < 6; i++) {
			this.throttle.failed("203.0.113.1", "admin");
		}
		this.now = this.now.plusSeconds(3);
		assertThat(this.throttle.waitFor("203.0.113.1", "admin")).isZero();
		this.throttle.succeeded("203.0.113.1", "admin");
		this.throttle.failed("203.0.113.1", "admin");
		assertThat(this.throttle.waitFor("203.0.113.1", "admin")).isZero();
	}

	@Test
	void forgetsAnEpisodeLeftAlone() {
		for (int i = 0; i < 12; i++) {
			this.throttle.failed("203.0.113.1", "admin");
		}
		this.now = this.now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
		assertThat(this.throttle.waitFor("203.0.113.1", "admin")).isZero();
		this.throttle.failed("203.0.113.1", "admin");
		assertThat(this.throttle.waitFor("203.0.113.1", "admin")).as("counting starts again").isZero();
	}

	@Test
	void remembersABoundedNumberOfAddresses() {
		for (int i = 0; i < 6; i++) {
			this.throttle.failed("203.0.113.1", "x");
		}
		for (int i = 0; i < LoginThrottle.MAX_TRACKED + 10; i++) {
			this.throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "x" + i);
		}
		assertThat(this.throttle.waitFor("203.0.113.1", "nobody")).as("the oldest address was dropped").isZero();
	}

}
