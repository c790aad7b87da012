package io.greenroom.admission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ViewerTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

	private final ViewerTokens tokens = new ViewerTokens("key-for-tests", Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aTokenForOneSlotOpensThatSlotOnly() {
		String token = this.tokens.issue("show", "slot-1", NOW.plusSeconds(60));
		assertThat(this.tokens.remainingMillis(token, "show", "slot-1")).isEqualTo(60_000L);
		assertThat(this.tokens.remainingMillis(token, "show", "slot-2")).isNull();
	}

	@Test
	void aTokenForAllSlotsOpensEverySlotOfItsAppOnly() {
		String token = this.tokens.issue("show", ViewerTokens.ALL_SLOTS, NOW.plusSeconds(60));
		assertThat(this.tokens.remainingMillis(token, "show", "slot-9")).isEqualTo(60_000L);
		assertThat(this.tokens.remainingMillis(token, "call", "slot-9")).isNull();
	}

	@Test
	void refusesExpiredForgedAndForeignTokens() {
		assertThat(this.tokens.remainingMillis(this.tokens.issue("show", "*", NOW), "show", "a")).isNull();
		String token = this.tokens.issue("show", "*", NOW.plusSeconds(60));
		assertThat(this.tokens.remainingMillis(token.replace("v1.show", "v1.call"), "call", "a")).isNull();
		assertThat(this.tokens.remainingMillis(token.replace(".*.", ".slot-1."), "show", "slot-1")).isNull();
		assertThat(
				new ViewerTokens("another-key", Clock.fixed(NOW, ZoneOffset.UTC)).remainingMillis(token, "show", "a"))
			.isNull();
		assertThat(this.tokens.remainingMillis("garbage", "show", "a")).isNull();
		assertThat(this.tokens.remainingMillis(null, "show", "a")).isNull();
	}

	@Test
	void refusesToSignANameOutsideTheRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.issue("Show", "*", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.issue("show", "a.b", NOW));
	}

}
