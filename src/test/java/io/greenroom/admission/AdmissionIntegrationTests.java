package io.greenroom.admission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.greenroom.GreenroomInstance;
import io.greenroom.ome.OmeApiClient;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import io.greenroom.stream.StreamCatalog;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OME's admission webhook against a running Greenroom, with requests shaped exactly like
 * OME's and signed with the real key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AdmissionIntegrationTests {

	/**
	 * The peer OME sees for WHIP and signalling: Caddy, on the network docker-compose.yml
	 * pins, which Greenroom trusts by default to pass on the real address.
	 */
	private static final String CADDY = "172.29.213.5";

	private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36";

	@TempDir
	static Path data;

	private GreenroomInstance greenroom;

	private OmeWebhook ome;

	private String secretKey;

	private String slot1;

	private String slot2;

	private String disabled;

	private String race;

	private String replaceable;

	private ViewerTokens tokens;

	private final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final AtomicInteger ports = new AtomicInteger(40000);

	private final MockWebServer omeApi = new MockWebServer();

	@BeforeAll
	void start() throws Exception {
		this.omeApi.start();
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.ome.api-url=" + this.omeApi.url("/"));
		this.greenroom.listen(SlotWentLive.class, this.events::add);
		this.greenroom.listen(SlotWentOffline.class, this.events::add);
		StreamCatalog catalog = this.greenroom.bean(StreamCatalog.class);
		App show = catalog.createApp("show");
		this.slot1 = secretOf(catalog.createSlot(show.getId(), draft("slot-1", true)));
		this.slot2 = secretOf(catalog.createSlot(show.getId(), draft("slot-2", true)));
		this.disabled = secretOf(catalog.createSlot(show.getId(), draft("slot-off", false)));
		this.race = secretOf(catalog.createSlot(show.getId(), draft("race", true)));
		App call = catalog.createApp("call");
		catalog.updateAccessPolicy(call.getId(), new AccessPolicy(true, DuplicatePublisher.REPLACE));
		this.replaceable = secretOf(catalog.createSlot(call.getId(), draft("alice", true)));
		catalog.createApp("other");
		this.secretKey = this.greenroom.bean(OmeSecrets.class).admissionSecretKey();
		this.ome = new OmeWebhook(this.greenroom.baseUrl(), this.secretKey);
		this.tokens = this.greenroom.bean(ViewerTokens.class);
	}

	@AfterAll
	void stop() throws Exception {
		this.greenroom.close();
		this.omeApi.shutdown();
	}

	/** Publish and play requests: what OME sends, what Greenroom must answer. */
	Stream<Arguments> decisions() {
		return Stream.of(
				// name, direction, protocol, url, real_ip, expected allowed, expected
				// new_url or reason
				Arguments.of("RTMP publish with its key", "incoming", "RTMP",
						"rtmp://127.0.0.1:1935/show/slot-1?key=" + this.slot1, "203.0.113.1", true,
						"rtmp://127.0.0.1:1935/show/slot-1"),
				Arguments.of("WHIP publish with its key", "incoming", "WebRTC",
						"http://127.0.0.1:3333/show/slot-2?direction=whip&key=" + this.slot2, "203.0.113.2", true,
						"http://127.0.0.1:3333/show/slot-2"),
				Arguments.of("RTMP publish without real_ip", "incoming", "RTMP",
						"rtmp://127.0.0.1:1935/show/slot-1?key=" + this.slot1, null, true,
						"rtmp://127.0.0.1:1935/show/slot-1"),
				Arguments.of("protocol in another case", "incoming", "rtmp",
						"rtmp://127.0.0.1:1935/show/slot-1?key=" + this.slot1, "203.0.113.3", true,
						"rtmp://127.0.0.1:1935/show/slot-1"),
				Arguments.of("wrong key", "incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1?key=" + this.slot2,
						"203.0.113.4", false, "wrong stream key"),
				Arguments.of("no key", "incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1", "203.0.113.5", false,
						"missing stream key"),
				Arguments.of("key as the stream name (made-up slot)", "incoming", "RTMP",
						"rtmp://127.0.0.1:1935/show/" + this.slot1, "203.0.113.6", false, "unknown slot"),
				Arguments.of("unknown app", "incoming", "WebRTC",
						"http://127.0.0.1:3333/mule/slot-1?direction=whip&key=" + this.slot1, "203.0.113.7", false,
						"unknown app"),
				Arguments.of("disabled slot", "incoming", "RTMP",
						"rtmp://127.0.0.1:1935/show/slot-off?key=" + this.disabled, "203.0.113.8", false,
						"slot is disabled"),
				Arguments.of("SRT is not enabled", "incoming", "SRT",
						"srt://127.0.0.1:9999/show/slot-1?key=" + this.slot1, "203.0.113.9", false, "not enabled"),
				Arguments.of("play a public app", "outgoing", "WebRTC", "ws://127.0.0.1:3333/show/slot-1",
						"198.51.100.1", true, null),
				Arguments.of("play a private app without a link", "outgoing", "WebRTC",
						"ws://127.0.0.1:3333/call/alice", "198.51.100.2", false, "this app is private"),
				Arguments.of("play a private app with a link for another app", "outgoing", "WebRTC",
						"ws://127.0.0.1:3333/call/alice?token="
								+ this.tokens.issue("other", "*", Instant.now().plusSeconds(600)),
						"198.51.100.3", false, "this app is private"),
				Arguments.of("play a private app with an expired link", "outgoing", "WebRTC",
						"ws://127.0.0.1:3333/call/alice?token="
								+ this.tokens.issue("call", "*", Instant.now().minusSeconds(1)),
						"198.51.100.4", false, "this app is private"),
				Arguments.of("play a private app with a forged link", "outgoing", "WebRTC",
						"ws://127.0.0.1:3333/call/alice?token=v1.call.*.4102444800.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
						"198.51.100.5", false, "this app is private"),
				Arguments.of("play a private app with a link for another slot", "outgoing", "WebRTC",
						"ws://127.0.0.1:3333/call/alice?token="
								+ this.tokens.issue("call", "bob", Instant.now().plusSeconds(600)),
						"198.51.100.6", false, "this app is private"),
				Arguments.of("not an app/stream URL", "incoming", "RTMP", "rtmp://127.0.0.1:1935/show", "203.0.113.10",
						false, "not an /app/stream URL"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("decisions")
	void decides(String name, String direction, String protocol, String url, String realIp, boolean allowed,
			String expected) throws Exception {
		int port = this.ports.incrementAndGet();
		HttpResponse<String> response = this.ome.send(OmeWebhook.opening(direction, protocol, url, CADDY, port, realIp,
				protocol.equals("WebRTC") ? CHROME : null));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		if (allowed) {
			String expectedJson = (expected != null)
					? "{\"allowed\":true,\"new_url\":\"" + expected + "\",\"lifetime\":0}"
					: "{\"allowed\":true,\"lifetime\":0}";
			assertThat(response.body()).isEqualTo(expectedJson);
		}
		else {
			assertThat(response.body()).startsWith("{\"allowed\":false,\"reason\":\"").contains(expected);
		}
		if (allowed && direction.equals("incoming")) {
			assertThat(close(url, expected, port, realIp).body()).isEqualTo("{}");
		}
	}

	@Test
	void theSessionWriterOnlyRunsWhenNoAnswerIsWaiting() throws Exception {
		assumeTrue(Files.isDirectory(BackgroundPriorityTests.TASKS), "needs Linux's /proc");
		assertThat(BackgroundPriorityTests.policiesOf("session-history")).isNotEmpty()
			.allMatch((policy) -> policy == BackgroundPriorityTests.SCHED_IDLE);
	}

	@Test
	void privateViewerGetsTheLinksRemainingLifetime() throws Exception {
		String token = this.tokens.issue("call", "alice", Instant.now().plusSeconds(120));
		HttpResponse<String> response = this.ome.send(OmeWebhook.opening("outgoing", "WebRTC",
				"ws://127.0.0.1:3333/call/alice?token=" + token, CADDY, 50001, "198.51.100.9", CHROME));
		assertThat(response.body()).startsWith("{\"allowed\":true,\"lifetime\":");
		long lifetime = Long.parseLong(response.body().replaceAll("\\D", ""));
		assertThat(lifetime).isBetween(100_000L, 120_000L);
	}

	Stream<Arguments> refusals() {
		byte[] body = OmeWebhook
			.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1?key=x", CADDY, 40100, "203.0.113.50", null)
			.getBytes(StandardCharsets.UTF_8);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("slot-1", "slot-2")
			.getBytes(StandardCharsets.UTF_8);
		byte[] huge = ("{\"pad\":\"" + "x".repeat(AdmissionProperties.MAX_BODY_BYTES) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		byte[] notJson = "client=1&request=2".getBytes(StandardCharsets.UTF_8);
		byte[] missing = "{\"client\":{\"address\":\"172.18.0.5\",\"port\":1},\"request\":{\"direction\":\"incoming\",\"protocol\":\"RTMP\",\"status\":\"opening\"}}"
			.getBytes(StandardCharsets.UTF_8);
		return Stream.of(Arguments.of("valid signature", body, "sign", 200, "{\"allowed\":false"),
				Arguments.of("tampered body", tampered, "sign-original", 401, ""),
				Arguments.of("wrong secret", body, "wrong-secret", 401, ""),
				Arguments.of("missing header", body, "none", 401, ""),
				Arguments.of("padded base64", body, "padded", 401, ""),
				Arguments.of("body over 16 KB", huge, "sign", 413, ""),
				Arguments.of("not JSON", notJson, "sign", 400, "{\"reason\":\"body is not the JSON OME sends\"}"),
				Arguments.of("missing request.url", missing, "sign", 400, "{\"reason\":\"missing request.url\"}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void checksTheSignatureBeforeAnythingElse(String name, byte[] body, String signing, int status, String bodyStart,
			CapturedOutput output) throws Exception {
		// A new minute, so the line about this refusal is within the log's budget.
		this.greenroom.bean(LogBudget.class).summarize();
		byte[] original = OmeWebhook
			.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1?key=x", CADDY, 40100, "203.0.113.50", null)
			.getBytes(StandardCharsets.UTF_8);
		String signature = switch (signing) {
			case "sign" -> OmeSignature.sign(this.secretKey, body);
			case "sign-original" -> OmeSignature.sign(this.secretKey, original);
			case "wrong-secret" -> OmeSignature.sign("somesecret", body);
			case "padded" -> OmeSignature.sign(this.secretKey, body) + "=";
			default -> null;
		};
		HttpResponse<String> response = this.ome.send(body, signature);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).startsWith(bodyStart);
		if (status == 401) {
			assertThat(response.body()).isEmpty();
			assertThat(output.getOut()).contains("Refused an admission request").doesNotContain("rtmp://");
		}
		assertThat(output.getOut()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void keepsTheSecretOutOfNewUrlSessionRecordAndLogs(CapturedOutput output) throws Exception {
		String url = "rtmp://127.0.0.1:1935/show/slot-2?key=" + this.slot2;
		HttpResponse<String> response = this.ome
			.send(OmeWebhook.opening("incoming", "RTMP", url, CADDY, 41000, "203.0.113.60", null));
		assertThat(response.body()).contains("\"new_url\":\"rtmp://127.0.0.1:1935/show/slot-2\"")
			.doesNotContain(this.slot2);
		close(url, "rtmp://127.0.0.1:1935/show/slot-2", 41000, "203.0.113.60");
		SessionHistory history = this.greenroom.bean(SessionHistory.class);
		history.flush();
		PublishSession session = recent(history, "show", "slot-2").get(0);
		assertThat(session.getClientPort()).isEqualTo(41000);
		assertThat(session.getRealIp()).isEqualTo("203.0.113.60");
		assertThat(session.getEndReason()).isEqualTo("closed");
		assertThat(session.getEndedAt()).isNotNull();
		assertThat(List.of(session.getAppName(), session.getSlotName(), session.getProtocol(),
				session.getClientAddress(), String.valueOf(session.getUserAgent())))
			.noneMatch((field) -> field.contains(this.slot2));
		assertThat(output.getAll()).doesNotContain(this.slot2);
	}

	@Test
	void announcesLiveAndOfflineAndClosesOnlyOnce() throws Exception {
		String url = "http://127.0.0.1:3333/show/slot-1?direction=whip&key=" + this.slot1;
		this.events.clear();
		this.ome.send(OmeWebhook.opening("incoming", "WebRTC", url, CADDY, 42000, "203.0.113.70", CHROME));
		assertThat(this.greenroom.bean(LivePublishers.class).isLive("show", "slot-1")).isTrue();
		// A kick makes OME send two identical closing requests.
		assertThat(close(url, "http://127.0.0.1:3333/show/slot-1", 42000, "203.0.113.70").body()).isEqualTo("{}");
		assertThat(close(url, "http://127.0.0.1:3333/show/slot-1", 42000, "203.0.113.70").body()).isEqualTo("{}");
		// Events are announced once the answer is written, so they may trail it a little.
		org.awaitility.Awaitility.await().until(() -> this.events.size() == 2);
		assertThat(this.events).hasSize(2);
		assertThat(this.events.get(0)).isInstanceOfSatisfying(SlotWentLive.class,
				(live) -> assertThat(live.protocol()).isEqualTo("WebRTC"));
		assertThat(this.events.get(1)).isInstanceOfSatisfying(SlotWentOffline.class,
				(offline) -> assertThat(offline.reason()).isEqualTo("closed"));
		assertThat(this.greenroom.bean(LivePublishers.class).isLive("show", "slot-1")).isFalse();
	}

	@Test
	void letsOnlyOneOfTwoRacingPublishersIn() throws Exception {
		String url = "rtmp://127.0.0.1:1935/show/race?key=" + this.race;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int port : new int[] { 43001, 43002 }) {
				Callable<HttpResponse<String>> publish = () -> {
					go.await();
					return this.ome
						.send(OmeWebhook.opening("incoming", "RTMP", url, CADDY, port, "203.0.113.80", null));
				};
				answers.add(pool.submit(publish));
			}
			go.countDown();
			List<String> bodies = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				bodies.add(answer.get().body());
			}
			assertThat(bodies).filteredOn((body) -> body.startsWith("{\"allowed\":true")).hasSize(1);
			assertThat(bodies).filteredOn((body) -> body.contains("already live from another publisher")).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void cutsOffTheLivePublisherWhenTheAppLetsNewcomersTakeOver() throws Exception {
		this.omeApi.enqueue(new MockResponse().setBody("{\"message\":\"OK\",\"statusCode\":200}"));
		String url = "rtmp://127.0.0.1:1935/call/alice?key=" + this.replaceable;
		assertThat(
				this.ome.send(OmeWebhook.opening("incoming", "RTMP", url, CADDY, 44001, "203.0.113.90", null)).body())
			.startsWith("{\"allowed\":true");
		assertThat(this.ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.6", 44002, "203.0.113.91", null))
			.body()).contains("being cut off");
		RecordedRequest kick = this.omeApi.takeRequest(5, TimeUnit.SECONDS);
		assertThat(kick).isNotNull();
		assertThat(kick.getMethod() + " " + kick.getPath())
			.isEqualTo("DELETE /v1/vhosts/default/apps/call/streams/alice");
		// The old publisher's closing after the kick changes nothing; the newcomer's
		// reconnect gets in.
		close(url, "rtmp://127.0.0.1:1935/call/alice", 44001, "203.0.113.90");
		assertThat(this.ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.6", 44003, "203.0.113.91", null))
			.body()).startsWith("{\"allowed\":true");
		SessionHistory history = this.greenroom.bean(SessionHistory.class);
		history.flush();
		assertThat(recent(history, "call", "alice")).extracting(PublishSession::getEndReason)
			.containsExactly(null, "replaced");
	}

	@Test
	void aSlotsHistoryFollowsItsRenameAndASlotMadeAgainStartsWithNone() throws Exception {
		StreamCatalog catalog = this.greenroom.bean(StreamCatalog.class);
		App tour = catalog.createApp("tour");
		Slot van = catalog.createSlot(tour.getId(), draft("van", true));
		String url = "rtmp://127.0.0.1:1935/tour/van?key=" + secretOf(van);
		assertThat(this.ome.send(OmeWebhook.opening("incoming", "RTMP", url, CADDY, 47001, null, null)).body())
			.startsWith("{\"allowed\":true");
		close(url, "rtmp://127.0.0.1:1935/tour/van", 47001, null);
		catalog.updateSlot(tour.getId(), van.getId(), new SlotDraft("bus", "Bus", 2500, true));
		SessionHistory history = this.greenroom.bean(SessionHistory.class);
		history.flush();
		assertThat(history.recent(van.getId())).singleElement()
			.satisfies((session) -> assertThat(session.getSlotName()).isEqualTo("van"));

		catalog.deleteSlot(tour.getId(), van.getId());
		Slot again = catalog.createSlot(tour.getId(), draft("van", true));
		assertThat(history.recent(again.getId())).isEmpty();
	}

	@Test
	void kicksFromTheDashboardAndRecordsIt() throws Exception {
		this.omeApi.enqueue(new MockResponse().setBody("{\"message\":\"OK\",\"statusCode\":200}"));
		String url = "rtmp://127.0.0.1:1935/show/slot-2?key=" + this.slot2;
		this.ome.send(OmeWebhook.opening("incoming", "RTMP", url, CADDY, 46001, "203.0.113.95", null));
		assertThat(this.greenroom.bean(LiveControl.class).kick("show", "slot-2"))
			.isEqualTo(OmeApiClient.KickResult.KICKED);
		assertThat(this.greenroom.bean(LivePublishers.class).isLive("show", "slot-2")).isFalse();
		// OME follows a kick with two identical closings: both are harmless.
		assertThat(close(url, "rtmp://127.0.0.1:1935/show/slot-2", 46001, "203.0.113.95").body()).isEqualTo("{}");
		assertThat(close(url, "rtmp://127.0.0.1:1935/show/slot-2", 46001, "203.0.113.95").body()).isEqualTo("{}");
		SessionHistory history = this.greenroom.bean(SessionHistory.class);
		history.flush();
		assertThat(recent(history, "show", "slot-2").get(0).getEndReason()).isEqualTo("kicked");
		this.omeApi.takeRequest(5, TimeUnit.SECONDS);
	}

	@Test
	void refusesAnAddressAfterTooManyWrongKeysThenAnswersOthers(CapturedOutput output) throws Exception {
		for (int i = 0; i < 10; i++) {
			this.ome.send(OmeWebhook.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1?key=guess" + i,
					CADDY, 45000 + i, "192.0.2.66", null));
		}
		String correct = "rtmp://127.0.0.1:1935/show/slot-2?key=" + this.slot2;
		assertThat(
				this.ome.send(OmeWebhook.opening("incoming", "RTMP", correct, CADDY, 45100, "192.0.2.66", null)).body())
			.contains("too many wrong stream keys");
		HttpResponse<String> other = this.ome
			.send(OmeWebhook.opening("incoming", "RTMP", correct, CADDY, 45101, "192.0.2.67", null));
		assertThat(other.body()).startsWith("{\"allowed\":true");
		close(correct, "rtmp://127.0.0.1:1935/show/slot-2", 45101, "192.0.2.67");
		assertThat(output.getOut().split("Refusing publishes from 192.0.2.66", -1)).hasSize(2);
	}

	@Test
	void wrongKeysClaimingAnotherAddressFromAnUntrustedPeerDoNotBlockThatAddress(CapturedOutput output)
			throws Exception {
		String streamer = "198.51.100.90";
		String attacker = "203.0.113.250";
		for (int i = 0; i < 10; i++) {
			this.ome.send(OmeWebhook.opening("incoming", "WebRTC",
					"http://127.0.0.1:3333/show/slot-1?direction=whip&key=guess" + i, attacker, 46000 + i, streamer,
					CHROME));
		}
		String whip = "http://127.0.0.1:3333/show/slot-2?direction=whip&key=" + this.slot2;
		HttpResponse<String> real = this.ome
			.send(OmeWebhook.opening("incoming", "WebRTC", whip, CADDY, 46100, streamer, CHROME));
		assertThat(real.body()).as("the streamer through Caddy").startsWith("{\"allowed\":true");
		close(whip, "http://127.0.0.1:3333/show/slot-2", 46100, streamer);
		assertThat(
				this.ome.send(OmeWebhook.opening("incoming", "WebRTC", whip, attacker, 46101, attacker, CHROME)).body())
			.as("the sender itself")
			.contains("too many wrong stream keys");
		assertThat(output.getOut()).contains("Refusing publishes from " + attacker)
			.doesNotContain("Refusing publishes from " + streamer);
	}

	@Test
	void wrongKeysPassedOnByATrustedProxyBlockTheAddressItNames(CapturedOutput output) throws Exception {
		String guesser = "198.51.101.91";
		for (int i = 0; i < 10; i++) {
			this.ome.send(OmeWebhook.opening("incoming", "WebRTC",
					"http://127.0.0.1:3333/show/slot-1?direction=whip&key=guess" + i, CADDY, 47000 + i, guesser,
					CHROME));
		}
		String whip = "http://127.0.0.1:3333/show/slot-2?direction=whip&key=" + this.slot2;
		assertThat(this.ome.send(OmeWebhook.opening("incoming", "WebRTC", whip, CADDY, 47100, guesser, CHROME)).body())
			.contains("too many wrong stream keys");
		HttpResponse<String> other = this.ome
			.send(OmeWebhook.opening("incoming", "WebRTC", whip, CADDY, 47101, "198.51.102.92", CHROME));
		assertThat(other.body()).as("everyone else behind Caddy").startsWith("{\"allowed\":true");
		close(whip, "http://127.0.0.1:3333/show/slot-2", 47101, "198.51.102.92");
		assertThat(output.getOut()).contains("Refusing publishes from " + guesser)
			.doesNotContain("Refusing publishes from " + CADDY);
	}

	@Test
	void recordsARealIpFromAnUntrustedPeerAsAClaim() throws Exception {
		String url = "rtmp://127.0.0.1:1935/show/slot-2?key=" + this.slot2;
		assertThat(this.ome
			.send(OmeWebhook.opening("incoming", "RTMP", url, "203.0.113.251", 48000, "198.51.100.93", null))
			.body()).startsWith("{\"allowed\":true");
		this.ome.send(OmeWebhook.closing("incoming", "RTMP", url, "rtmp://127.0.0.1:1935/show/slot-2", "203.0.113.251",
				48000, "198.51.100.93"));
		SessionHistory history = this.greenroom.bean(SessionHistory.class);
		history.flush();
		PublishSession session = recent(history, "show", "slot-2").get(0);
		assertThat(session.getClientAddress()).isEqualTo("203.0.113.251");
		assertThat(session.getRealIp()).isEqualTo("claimed 198.51.100.93");
	}

	/**
	 * Sends a body with a forged signature. The server may close a kept-alive connection
	 * just as the client reuses it (Tomcat ends one after 100 requests); that is the
	 * transport, not an answer, so the request is sent again once. The server may have
	 * read (and refused) the first one already, so every resend is counted.
	 */
	private int forged(byte[] body, AtomicInteger resent) throws Exception {
		try {
			return this.ome.send(body, "AAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode();
		}
		catch (java.io.IOException ex) {
			resent.incrementAndGet();
			return this.ome.send(body, "AAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode();
		}
	}

	@Test
	void aBurstOfForgedSignaturesWritesFewerThanAHundredLines(CapturedOutput output) throws Exception {
		this.greenroom.bean(LogBudget.class).summarize();
		int before = output.getOut().length();
		byte[] body = OmeWebhook
			.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1?key=x", CADDY, 49000, null, null)
			.getBytes(StandardCharsets.UTF_8);
		ExecutorService senders = Executors.newFixedThreadPool(4);
		AtomicInteger resent = new AtomicInteger();
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 10_000; i++) {
				statuses.add(senders.submit(() -> forged(body, resent)));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(401);
			}
		}
		finally {
			senders.shutdown();
		}
		this.greenroom.bean(LogBudget.class).summarize();
		String written = output.getOut().substring(before);
		assertThat(written.lines().count()).isLessThan(100);
		// The minute may turn during the burst: then there are two rounds of lines.
		assertThat(written).contains("Refused an admission request from 127.0.0.1 with a wrong signature")
			.containsPattern("and [0-9,]+ more refused admission signatures from 127.0.0.0/24 in the last minute");
		long summed = java.util.regex.Pattern.compile("and ([0-9,]+) more refused admission signatures from 127")
			.matcher(written)
			.results()
			.mapToLong((match) -> Long.parseLong(match.group(1).replace(",", "")))
			.sum();
		long lines = written.lines().filter((line) -> line.contains("Refused an admission request from")).count();
		assertThat(summed + lines).as("every refusal is either written or counted")
			.isBetween(10_000L, 10_000L + resent.get());
	}

	private HttpResponse<String> close(String url, String newUrl, int port, String realIp) throws Exception {
		String protocol = url.startsWith("rtmp") ? "RTMP" : "WebRTC";
		return this.ome.send(OmeWebhook.closing("incoming", protocol, url, newUrl, CADDY, port, realIp));
	}

	private static SlotDraft draft(String name, boolean enabled) {
		return new SlotDraft(name, name, 2500, enabled);
	}

	/** A slot's sessions, found as the slot page finds them: by the slot's id. */
	private List<PublishSession> recent(SessionHistory history, String app, String slot) {
		long slotId = this.greenroom.bean(StreamCatalog.class)
			.allSlotRows()
			.stream()
			.filter((candidate) -> candidate.app().equals(app) && candidate.name().equals(slot))
			.findFirst()
			.orElseThrow()
			.id();
		return history.recent(slotId);
	}

	private static String secretOf(Slot slot) {
		return slot.getPublishSecret().value();
	}

}
