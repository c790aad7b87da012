package io.greenroom.stream;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishSecretTests {

	@Test
	void generatesAtLeast128BitsOfUrlSafeText() {
		PublishSecret secret = PublishSecret.generate();
		assertThat(PublishSecret.BYTES * 8).isGreaterThanOrEqualTo(128);
		assertThat(secret.value()).hasSize(32).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void generatesADifferentSecretEachTime() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			seen.add(PublishSecret.generate().value());
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void matchesOnlyTheExactValue() {
		PublishSecret secret = new PublishSecret("abcdefgh");
		assertThat(secret.matches("abcdefgh")).isTrue();
		assertThat(secret.matches("abcdefgH")).isFalse();
		assertThat(secret.matches("abcdefg")).isFalse();
		assertThat(secret.matches("")).isFalse();
	}

	@Test
	void masksAllButTheLastFourCharacters() {
		assertThat(new PublishSecret("abcdefgh1a2b").masked()).isEqualTo("••••1a2b");
	}

	@Test
	void neverPrintsItsValue() {
		PublishSecret secret = PublishSecret.generate();
		assertThat(secret.toString()).doesNotContain(secret.value()).contains("redacted");
	}

}
