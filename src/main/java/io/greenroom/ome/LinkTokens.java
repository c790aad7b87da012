package io.greenroom.ome;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Tokens of the form {@code ID.MAC} for links that prove themselves: the MAC is
 * HMAC-SHA256 (first 18 bytes, base64url) over the id and a state string, under a key of
 * this purpose's own derived from the server's viewer-link key. Nothing is stored: when
 * the state changes (a slot's secret is rotated, an app's participant link replaced),
 * every older token stops matching. A token of one purpose never matches another.
 */
public final class LinkTokens {

	private static final int MAC_BYTES = 18;

	private static final int MAX_LENGTH = 64;

	private final OmeSecrets secrets;

	private final String purpose;

	/**
	 * @param purpose names what the tokens are for, e.g.
	 * {@code greenroom streamer link v1}
	 */
	public LinkTokens(OmeSecrets secrets, String purpose) {
		this.secrets = secrets;
		this.purpose = purpose;
	}

	/** The token for {@code id} in {@code state}. */
	public String token(long id, String state) {
		return id + "." + mac(id, state);
	}

	/**
	 * Whether {@code token} is the one for {@code id} in {@code state}, compared in
	 * constant time.
	 */
	public boolean matches(String token, long id, String state) {
		return MessageDigest.isEqual(token(id, state).getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII));
	}

	/** The id a well-formed token names; empty for a missing or malformed one. */
	public static OptionalLong id(@Nullable String token) {
		if (token == null || token.length() > MAX_LENGTH) {
			return OptionalLong.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 1 || dot > 18) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(token.substring(0, dot)));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private String mac(long id, String state) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] full = mac.doFinal((id + "\0" + state).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private byte[] key() throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.secrets.viewerTokenKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(this.purpose.getBytes(StandardCharsets.UTF_8));
	}

}
