package io.greenroom.admission;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * OME's {@code X-OME-Signature}: base64url without padding of HMAC-SHA1(SecretKey, raw
 * body). Checked on the exact bytes received, before anything is parsed, in constant
 * time.
 */
final class OmeSignature {

	static final String HEADER = "X-OME-Signature";

	private OmeSignature() {
	}

	/** Base64url without padding of a 20-byte HMAC-SHA1. */
	private static final int SIGNATURE_LENGTH = 27;

	/**
	 * Looking a Mac up costs more than using it, and keying it costs about as much as
	 * signing a short body: keep one per thread, keyed once, with room for its output.
	 */
	private static final ThreadLocal<Signer> SIGNER = ThreadLocal.withInitial(Signer::new);

	private static final class Signer {

		private final Mac mac;

		private final byte[] digest;

		private final byte[] encoded = new byte[SIGNATURE_LENGTH];

		private @Nullable String key;

		Signer() {
			try {
				this.mac = Mac.getInstance("HmacSHA1");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("HMAC-SHA1 unavailable", ex);
			}
			this.digest = new byte[this.mac.getMacLength()];
		}

		/** The signature's characters, in a buffer reused by the next call. */
		byte[] sign(String secretKey, byte[] body) {
			try {
				if (!secretKey.equals(this.key)) {
					this.mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
					this.key = secretKey;
				}
				this.mac.update(body);
				this.mac.doFinal(this.digest, 0);
			}
			catch (InvalidKeyException | ShortBufferException ex) {
				this.key = null;
				throw new IllegalStateException("Unusable admission key", ex);
			}
			Base64.getUrlEncoder().withoutPadding().encode(this.digest, this.encoded);
			return this.encoded;
		}

	}

	static String sign(String secretKey, byte[] body) {
		return new String(SIGNER.get().sign(secretKey, body), StandardCharsets.US_ASCII);
	}

	/** Whether the header is the body's signature; compared in constant time. */
	static boolean verify(String secretKey, byte[] body, @Nullable String header) {
		if (header == null || header.length() != SIGNATURE_LENGTH) {
			return false;
		}
		byte[] expected = SIGNER.get().sign(secretKey, body);
		int difference = 0;
		for (int i = 0; i < SIGNATURE_LENGTH; i++) {
			difference |= expected[i] ^ header.charAt(i);
		}
		return difference == 0;
	}

}
