package io.greenroom.admission;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
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

	/** Looking a Mac up costs more than using it: keep one per thread. */
	private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("HMAC-SHA1 unavailable", ex);
		}
	});

	static String sign(String secretKey, byte[] body) {
		try {
			Mac mac = MAC.get();
			mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("Unusable admission key", ex);
		}
	}

	static boolean verify(String secretKey, byte[] body, @Nullable String header) {
		if (header == null || header.isEmpty()) {
			return false;
		}
		byte[] expected = sign(secretKey, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
	}

}
