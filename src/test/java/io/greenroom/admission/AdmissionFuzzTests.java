package io.greenroom.admission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import io.greenroom.GreenroomInstance;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends 10,000 generated admission bodies, from a fixed seed, to a running Greenroom:
 * truncated, oversized, deeply nested, wrong types, duplicated keys, unicode and control
 * characters, huge numbers, forged or missing signatures, and valid signatures over
 * hostile content. Every answer must be a refusal (400, 401, 413), a well-formed deny, or
 * {@code {}} for a closing request; nothing may change a slot or start a session, and the
 * log may not grow by more than a line per request nor show a stack trace.
 * <p>
 * None of the generated bodies carries a slot's secret and the only app is private, so no
 * generated request can be rightly allowed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AdmissionFuzzTests {

	private static final long SEED = 20261201L;

	private static final int REQUESTS = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	enum Kind {

		TRUNCATED, OVERSIZED, NESTED, WRONG_TYPES, DUPLICATE_KEYS, HOSTILE_URL, HUGE_NUMBERS, FORGED_SIGNATURE,
		MISSING_SIGNATURE, SIGNED_HOSTILE

	}

	@TempDir
	static Path data;

	private GreenroomInstance greenroom;

	private OmeWebhook ome;

	private String secretKey;

	private StreamCatalog catalog;

	private final List<Object> wentLive = new ArrayList<>();

	@BeforeAll
	void start() {
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.ome.api-url=http://127.0.0.1:9/");
		this.greenroom.listen(SlotWentLive.class, this.wentLive::add);
		this.catalog = this.greenroom.bean(StreamCatalog.class);
		App show = this.catalog.createApp("show");
		this.catalog.updateAccessPolicy(show.getId(), new AccessPolicy(true, DuplicatePublisher.DENY));
		this.catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Slot 1", 2500, true));
		this.catalog.createSlot(show.getId(), new SlotDraft("slot-2", "Slot 2", 2500, true));
		this.secretKey = this.greenroom.bean(OmeSecrets.class).admissionSecretKey();
		this.ome = new OmeWebhook(this.greenroom.baseUrl(), this.secretKey);
	}

	@AfterAll
	void stop() {
		this.greenroom.close();
	}

	@Test
	void everyGeneratedBodyIsRefusedOrDeniedAndChangesNothing(CapturedOutput output) throws Exception {
		List<String> secretsBefore = secrets();
		int logBefore = output.getOut().length();
		Random random = new Random(SEED);
		Map<Kind, Integer> sent = new EnumMap<>(Kind.class);
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			Kind kind = Kind.values()[i % Kind.values().length];
			sent.merge(kind, 1, Integer::sum);
			byte[] body = body(kind, random);
			String signature = switch (kind) {
				case MISSING_SIGNATURE -> null;
				case FORGED_SIGNATURE -> forged(random, body);
				default -> OmeSignature.sign(this.secretKey, body);
			};
			HttpResponse<String> response = this.ome.send(body, signature);
			statuses.merge(response.statusCode(), 1, Integer::sum);
			assertAcceptable(kind, i, body, response);
		}
		assertThat(sent.values()).allMatch((count) -> count == REQUESTS / Kind.values().length);
		assertThat(this.wentLive).as("no slot went live").isEmpty();
		assertThat(secrets()).as("no slot changed").isEqualTo(secretsBefore);
		assertThat(this.greenroom.bean(LivePublishers.class).count()).as("no publisher is recorded").isZero();
		String log = output.getOut().substring(logBefore);
		assertThat(log).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(log.lines().count()).as("log lines for %d requests (%s)", REQUESTS, statuses)
			.isLessThanOrEqualTo(REQUESTS);
		assertThat(statuses).as("every kind of refusal was reached").containsKeys(200, 400, 401, 413);
	}

	private void assertAcceptable(Kind kind, int index, byte[] body, HttpResponse<String> response) {
		String what = kind + " #" + index + ": " + preview(body) + " -> " + response.statusCode() + " "
				+ response.body();
		int status = response.statusCode();
		assertThat(status).as(what).isIn(200, 400, 401, 413);
		if (kind == Kind.MISSING_SIGNATURE || kind == Kind.FORGED_SIGNATURE) {
			assertThat(status).as(what).isIn(401, 413);
		}
		if (status == 200) {
			JsonNode answer = JSON.readTree(response.body());
			assertThat(answer.isObject()).as(what).isTrue();
			if (!answer.isEmpty()) {
				assertThat(answer.get("allowed").isBoolean()).as(what).isTrue();
				assertThat(answer.get("allowed").asBoolean()).as(what).isFalse();
				assertThat(answer.get("reason").isString()).as(what).isTrue();
			}
		}
	}

	private List<String> secrets() {
		// A secret's hash, not the secret: a failed comparison prints these.
		return this.catalog.allSlotRows()
			.stream()
			.map((slot) -> slot.name() + " " + slot.enabled() + " " + slot.publishSecret().hashCode())
			.sorted()
			.toList();
	}

	private byte[] body(Kind kind, Random random) {
		return switch (kind) {
			case TRUNCATED -> {
				byte[] whole = valid(random).getBytes(StandardCharsets.UTF_8);
				yield java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
			}
			case OVERSIZED -> ("{\"client\":{\"address\":\"" + "9".repeat(16 * 1024 + random.nextInt(4096)) + "\"}}")
				.getBytes(StandardCharsets.UTF_8);
			case NESTED -> {
				int depth = 600 + random.nextInt(5000);
				String open = random.nextBoolean() ? "[" : "{\"a\":";
				String close = open.equals("[") ? "]" : "}";
				yield ("{\"client\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}")
					.getBytes(StandardCharsets.UTF_8);
			}
			case WRONG_TYPES -> wrongTypes(random).getBytes(StandardCharsets.UTF_8);
			case DUPLICATE_KEYS -> ("{\"client\":{\"address\":\"10.0.0.1\",\"port\":1,\"address\":"
					+ pick(random, "null", "7", "[]", "{}", "\"::1\"") + "},\"request\":" + request(random, url(random))
					+ ",\"request\":" + pick(random, "null", "1", "\"x\"", request(random, url(random))) + "}")
				.getBytes(StandardCharsets.UTF_8);
			case HOSTILE_URL, SIGNED_HOSTILE, FORGED_SIGNATURE, MISSING_SIGNATURE ->
				valid(random).getBytes(StandardCharsets.UTF_8);
			case HUGE_NUMBERS -> ("{\"client\":{\"address\":\"10.0.0.1\",\"port\":"
					+ pick(random, "1e400", "-1", "99999999999999999999999999", "1.5", "0x10", "NaN", "-0")
					+ "},\"request\":" + request(random, url(random)) + "}")
				.getBytes(StandardCharsets.UTF_8);
		};
	}

	/** A body shaped like OME's, with a hostile or made-up URL. */
	private String valid(Random random) {
		return "{\"client\":{\"address\":\"" + address(random) + "\",\"port\":" + random.nextInt(65536)
				+ (random.nextBoolean() ? ",\"real_ip\":\"" + escape(junk(random, 40)) + "\"" : "") + "},\"request\":"
				+ request(random, url(random)) + "}";
	}

	private String request(Random random, String url) {
		return "{\"direction\":\"" + pick(random, "incoming", "outgoing", "sideways", "", "INCOMING")
				+ "\",\"protocol\":\"" + pick(random, "RTMP", "WebRTC", "srt", "LLHLS", "gopher", "")
				+ "\",\"status\":\"" + pick(random, "opening", "closing", "OPENING", "half-open")
				+ "\",\"time\":\"2026-11-24T18:53:31.578+00:00\",\"url\":\"" + escape(url) + "\"}";
	}

	private String url(Random random) {
		String host = pick(random, "127.0.0.1:1935", "localhost:3333", "[::1]:3333", "", "h\u0000st");
		String scheme = pick(random, "rtmp://", "ws://", "http://", "srt://", "javascript:", "");
		String path = switch (random.nextInt(8)) {
			case 0 -> "/show/slot-1?key=" + junk(random, 32);
			case 1 -> "/show/slot-1?direction=whip&key=" + junk(random, 64);
			case 2 -> "/show/" + junk(random, 80);
			case 3 -> "/../../etc/passwd";
			case 4 -> "/show/slot-1'; DROP TABLE slot; --?key=x";
			case 5 -> "/show/slot-1?token=v1.show.*.4102444800." + junk(random, 43);
			case 6 -> "/" + junk(random, 300) + "/" + junk(random, 300);
			default -> "/show/slot-2/extra/segments?key=&key=" + junk(random, 8);
		};
		return scheme + host + path;
	}

	private String wrongTypes(Random random) {
		Function<String, String> any = (fallback) -> pick(random, "null", "true", "[]", "{}", "12", fallback);
		return "{\"client\":" + pick(random, "\"10.0.0.1\"", "[]", "null", "{\"address\":" + any.apply("1") + "}")
				+ ",\"request\":{\"direction\":" + any.apply("\"incoming\"") + ",\"protocol\":" + any.apply("\"RTMP\"")
				+ ",\"status\":" + any.apply("\"opening\"") + ",\"url\":" + any.apply("\"rtmp://h/show/slot-1?key=x\"")
				+ "}}";
	}

	private static String address(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> "172.18.0." + random.nextInt(256);
			case 1 -> "2001:db8::" + Integer.toHexString(random.nextInt(65536));
			case 2 -> "999.1.1.1";
			default -> "";
		};
	}

	/** Printable text, unicode, control characters and JSON-significant characters. */
	private static String junk(Random random, int maxLength) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(maxLength + 1);
		for (int i = 0; i < length; i++) {
			text.append(switch (random.nextInt(6)) {
				case 0 -> (char) random.nextInt(0x20);
				case 1 -> (char) (0x80 + random.nextInt(0x2000));
				case 2 -> "\"\\/<>&%?#=".charAt(random.nextInt(10));
				case 3 -> new String(Character.toChars(0x1F300 + random.nextInt(200)));
				default -> (char) ('a' + random.nextInt(26));
			});
		}
		return text.toString();
	}

	/** JSON string escaping, so the junk reaches Greenroom inside valid JSON. */
	private static String escape(String text) {
		return JSON.writeValueAsString(text).replaceAll("^\"|\"$", "");
	}

	private static String forged(Random random, byte[] body) {
		return switch (random.nextInt(4)) {
			case 0 -> OmeSignature.sign("not-the-secret", body);
			case 1 -> OmeSignature.sign("not-the-secret", body) + "=";
			case 2 -> "";
			default -> junk(random, 40).replaceAll("[^A-Za-z0-9_-]", "A");
		};
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static String preview(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return (text.length() > 200) ? text.substring(0, 200) + "…(" + body.length + " bytes)" : text;
	}

}
