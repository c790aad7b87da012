package io.greenroom.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A slot's publish secret: 192 bits from {@link SecureRandom}, base64url without padding
 * (32 characters, URL-safe). {@link #toString()} never shows the value.
 *
 * @param value the secret itself
 */
public record PublishSecret(String value) {

	/** Random bytes in a new secret (192 bits). */
	static final int BYTES = 24;

	private static final SecureRandom RANDOM = new SecureRandom();

	public static PublishSecret generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return new PublishSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** Compares in constant time, so the comparison leaks no prefix length. */
	public boolean matches(String candidate) {
		return MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	/** The last four characters behind dots, for lists and logs: {@code ••••1a2b}. */
	public String masked() {
		return "••••" + this.value.substring(Math.max(0, this.value.length() - 4));
	}

	@Override
	public String toString() {
		return "PublishSecret[<redacted>]";
	}

}
