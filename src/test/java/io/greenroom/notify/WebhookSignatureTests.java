package io.greenroom.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed webhook as a receiver sees it: the worked example in docs/notifications.md,
 * and a receiver that checks signatures the way the document says refusing altered, stale
 * and replayed bodies.
 */
class WebhookSignatureTests {

	static final String SECRET = "whsec_8d3f1a6b2c9e4d7f0a5b8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f";

	static final long TIMESTAMP = 1796156102L;

	static final String BODY = "{\"version\":1,\"id\":\"6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b\",\"event\":\"slot.live\","
			+ "\"at\":\"2026-12-01T20:15:02Z\",\"app\":\"show\",\"slot\":\"slot-1\",\"display_name\":\"Racer 1\","
			+ "\"text\":\"Racer 1 is live\",\"protocol\":\"WHIP\",\"reconnects\":[]}";

	static final String SIGNATURE = "v1=16a35931128d1f8832e13c18945073c53fa11c84c857db39ff43078142cd84d2";

	@Test
	void signsTheWorkedExample() throws Exception {
		assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(SIGNATURE);
		assertThat(new Receiver(SECRET).check(Long.toString(TIMESTAMP), SIGNATURE, BODY,
				Instant.ofEpochSecond(TIMESTAMP + 30)))
			.isNull();
	}

	@Test
	void theDocumentShowsTheSameWorkedExample() throws IOException {
		String doc = Files.readString(Path.of("docs/notifications.md"));
		assertThat(doc).contains(SECRET, Long.toString(TIMESTAMP), BODY, SIGNATURE);
	}

	@Test
	void aPostedMessageVerifiesAndItsReplayOrAlterationIsRefused() throws Exception {
		try (MockWebServer receiver = new MockWebServer()) {
			receiver.enqueue(new MockResponse().setResponseCode(200));
			receiver.start();
			Instant now = Instant.parse("2026-12-01T20:15:05Z");
			Clock clock = Clock.fixed(now, ZoneOffset.UTC);
			NotifyProperties properties = NotifierTests.properties();
			WebhookClient client = new WebhookClient(properties, JsonMapper.builder().build(), clock);
			TargetSpec target = new TargetSpec(7L, "bot", TargetKind.SIGNED, receiver.url("/hook").toString(), SECRET,
					null, true, true, true, false, false, false, null, null);

			assertThat(client.post(target, BODY).delivered()).isTrue();
			RecordedRequest request = receiver.takeRequest();
			String timestamp = request.getHeader("X-Greenroom-Timestamp");
			String signature = request.getHeader("X-Greenroom-Signature");
			String body = request.getBody().readUtf8();
			assertThat(timestamp).isEqualTo(Long.toString(now.getEpochSecond()));
			assertThat(request.getHeader("Content-Type")).startsWith("application/json");

			Receiver verifier = new Receiver(SECRET);
			assertThat(verifier.check(timestamp, signature, body, now.plusSeconds(1))).isNull();
			assertThat(verifier.check(timestamp, signature, body, now.plusSeconds(2)))
				.isEqualTo("replayed: this id was already accepted");
			assertThat(new Receiver(SECRET).check(timestamp, signature, body.replace("Racer 1", "Racer 2"),
					now.plusSeconds(1)))
				.isEqualTo("bad signature");
			assertThat(new Receiver(SECRET).check(Long.toString(now.getEpochSecond() + 1), signature, body,
					now.plusSeconds(1)))
				.isEqualTo("bad signature");
			assertThat(new Receiver(SECRET).check(timestamp, signature, body, now.plus(Duration.ofMinutes(6))))
				.isEqualTo("stale timestamp");
			assertThat(new Receiver("whsec_other").check(timestamp, signature, body, now)).isEqualTo("bad signature");
		}
	}

	/**
	 * A receiver written from docs/notifications.md alone: HMAC-SHA256 of
	 * {@code timestamp + "." + body}, compared in constant time; the timestamp within 5
	 * minutes; each id accepted once.
	 */
	static final class Receiver {

		private final String secret;

		private final Set<String> seen = new HashSet<>();

		Receiver(String secret) {
			this.secret = secret;
		}

		@Nullable String check(@Nullable String timestamp, @Nullable String signature, String body, Instant now)
				throws Exception {
			if (timestamp == null || signature == null) {
				return "missing headers";
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = ("v1="
					+ HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8))))
				.getBytes(StandardCharsets.US_ASCII);
			if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
				return "bad signature";
			}
			if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
				return "stale timestamp";
			}
			String id = JsonMapper.builder().build().readTree(body).get("id").asString();
			if (!this.seen.add(id)) {
				return "replayed: this id was already accepted";
			}
			return null;
		}

	}

}
