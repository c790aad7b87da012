package io.greenroom.admission;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.greenroom.stream.Names;
import org.jspecify.annotations.Nullable;

/**
 * Signed, expiring viewer tokens for private apps:
 * {@code v1.APP.SLOT-or-*.EXPIRY-EPOCH-SECONDS.SIGNATURE}, signed with HMAC-SHA256.
 * Checked without the database.
 */
public class ViewerTokens {

	/** Query parameter that carries a viewer token. */
	public static final String PARAMETER = "token";

	/** The slot part of a token valid for every slot of its app. */
	public static final String ALL_SLOTS = "*";

	private final byte[] key;

	private final Clock clock;

	public ViewerTokens(String key, Clock clock) {
		this.key = key.getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
	}

	/**
	 * A token for one slot, or {@link #ALL_SLOTS}, of an app, valid until {@code expiry}.
	 */
	public String issue(String app, String slot, Instant expiry) {
		if (!Names.isValid(app) || !(slot.equals(ALL_SLOTS) || Names.isValid(slot))) {
			throw new IllegalArgumentException("Not an app or slot name");
		}
		String payload = "v1." + app + "." + slot + "." + expiry.getEpochSecond();
		return payload + "." + sign(payload);
	}

	/** Whether the token is valid now for {@code app}, for one slot or all. */
	public boolean allowsAnySlot(@Nullable String token, String app) {
		if (token == null) {
			return false;
		}
		String[] parts = token.split("\\.");
		return parts.length == 5 && remainingMillis(token, app, parts[2]) != null;
	}

	/** Whether the token lets its holder watch {@code app/slot} now. */
	public boolean allows(@Nullable String token, String app, String slot) {
		return remainingMillis(token, app, slot) != null;
	}

	/**
	 * How many milliseconds the token still allows watching {@code app/slot}, or null
	 * when it is forged, expired, or for another app or slot.
	 */
	@Nullable Long remainingMillis(@Nullable String token, String app, String slot) {
		if (token == null) {
			return null;
		}
		int lastDot = token.lastIndexOf('.');
		if (lastDot < 0) {
			return null;
		}
		String payload = token.substring(0, lastDot);
		byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		String[] parts = payload.split("\\.");
		if (parts.length != 4 || !parts[0].equals("v1") || !parts[1].equals(app)
				|| !(parts[2].equals(ALL_SLOTS) || parts[2].equals(slot))) {
			return null;
		}
		long expiry;
		try {
			expiry = Long.parseLong(parts[3]);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		long remaining = expiry * 1000 - this.clock.millis();
		return (remaining > 0) ? remaining : null;
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

}
