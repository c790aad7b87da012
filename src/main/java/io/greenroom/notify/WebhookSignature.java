package io.greenroom.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on a signed webhook: {@code v1=} and the lowercase hex of
 * HMAC-SHA256(secret, timestamp + "." + body), where the timestamp is the
 * {@value #TIMESTAMP_HEADER} header (Unix seconds) and the body the exact bytes sent. See
 * docs/notifications.md for how a receiver checks it.
 */
final class WebhookSignature {

	static final String SIGNATURE_HEADER = "X-Greenroom-Signature";

	static final String TIMESTAMP_HEADER = "X-Greenroom-Timestamp";

	private WebhookSignature() {
	}

	static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			mac.update(body);
			return "v1=" + HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
