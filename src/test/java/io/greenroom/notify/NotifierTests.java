package io.greenroom.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.greenroom.live.LiveSnapshot;
import io.greenroom.stream.PublishRefused;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery, against a MockWebServer standing in for Discord: retries, rate limits, broken
 * webhooks, the bounded queue, the wrong-key limit, the reconnect grace period and
 * messages kept over a restart.
 */
class NotifierTests {

	private static final Instant T0 = Instant.parse("2026-12-01T20:00:00Z");

	/**
	 * Event times for the tests on the system clock: a fixed instant there would make
	 * their messages stale (older than ten minutes) once that instant has passed.
	 */
	private final Instant now = Instant.now();

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final MockWebServer discord = new MockWebServer();

	private final InMemoryTargetStore store = new InMemoryTargetStore();

	/** Every request, with when it arrived (System.nanoTime). */
	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<Function<Integer, MockResponse>> answer = new AtomicReference<>(
			(n) -> new MockResponse().setResponseCode(204));

	private final List<Notifier> notifiers = new ArrayList<>();

	record Received(long nanos, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String content() {
			return json().get("content").asString();
		}

	}

	@BeforeEach
	void start() throws IOException {
		this.discord.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				NotifierTests.this.received.add(new Received(System.nanoTime(), request.getBody().readUtf8()));
				return NotifierTests.this.answer.get().apply(NotifierTests.this.received.size());
			}
		});
		this.discord.start();
		this.store.targets.put(1L, discordTarget(1L));
	}

	@AfterEach
	void stop() throws IOException {
		this.notifiers.forEach(Notifier::stop);
		this.discord.shutdown();
	}

	@Test
	void postsTheGoLiveMessageToDiscord() {
		Notifier notifier = notifier(properties(), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "WebRTC", this.now));
		await().until(() -> this.received.size() == 1);
		assertThat(this.received.get(0).content()).isEqualTo("🔴 Racer slot-1 is live (show/slot-1, WHIP)");
		await().until(() -> this.store.deliveries.contains("1 delivered"));
	}

	@Test
	void waitsWhatDiscordsRetryAfterSaysThenDelivers() {
		this.answer.set((n) -> (n == 1)
				? tooManyRequests(
						"{\"message\":\"You are being rate limited.\"," + "\"retry_after\":0.8,\"global\":false}", null)
				: new MockResponse().setResponseCode(204));
		Notifier notifier = notifier(properties(), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 2);
		assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(800);
		assertThat(this.received.get(1).body()).isEqualTo(this.received.get(0).body());
		await().until(() -> this.store.deliveries.contains("1 delivered"));
	}

	@Test
	void capsAnAbsurdRetryAfterAtTheMaximum() {
		// Discord has been seen asking for days; the body wins over the header.
		this.answer.set((n) -> (n == 1)
				? tooManyRequests("{\"message\":\"You are being rate limited.\",\"retry_after\":172800.0}", "172800")
				: new MockResponse().setResponseCode(204));
		Notifier notifier = notifier(properties().withMaxRetryAfter(Duration.ofMillis(700)), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 2);
		assertThat(gapMillis(0, 1)).isBetween(700L, 5000L);
	}

	@Test
	void usesTheRetryAfterHeaderWhenTheBodyHasNone() {
		this.answer.set((n) -> (n == 1) ? tooManyRequests("", "1") : new MockResponse().setResponseCode(204));
		Notifier notifier = notifier(properties(), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 2);
		assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void retriesAfterA500AndDelivers() {
		this.answer.set((n) -> (n == 1) ? new MockResponse().setResponseCode(500).setBody("{\"message\":\"oops\"}")
				: new MockResponse().setResponseCode(204));
		Notifier notifier = notifier(properties(), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().until(() -> this.received.size() == 2);
		await().until(() -> this.store.deliveries.contains("1 delivered"));
		assertThat(this.store.deliveries).first().asString().startsWith("1 retrying: HTTP 500");
	}

	@Test
	void retriesAfterATimeoutAndDelivers() {
		this.answer.set((n) -> (n == 1) ? new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)
				: new MockResponse().setResponseCode(204));
		Notifier notifier = notifier(properties().withTimeout(Duration.ofMillis(500)), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.store.deliveries.contains("1 delivered"));
		assertThat(this.store.deliveries.get(0)).isEqualTo("1 retrying: timed out no answer within 500 ms");
		assertThat(this.received).hasSize(2);
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		this.answer.set((n) -> new MockResponse().setResponseCode(503));
		Notifier notifier = notifier(properties().withMaxAttempts(3), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().until(() -> this.store.deliveries.stream().anyMatch((d) -> d.startsWith("1 given up: HTTP 503")));
		assertThat(this.received).hasSize(3);
	}

	@Test
	void aDeletedWebhookMarksTheTargetBrokenAndStopsSending() {
		this.answer.set((n) -> new MockResponse().setResponseCode(404)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}"));
		Notifier notifier = notifier(properties(), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().until(() -> this.store.targets.get(1L).broken() != null);
		assertThat(this.store.targets.get(1L).broken()).isEqualTo(
				"Discord answered HTTP 404: {\"message\": \"Unknown Webhook\", \"code\": 10015}. The webhook was probably"
						+ " deleted; fix the URL or send a test.");
		notifier.onLive(new SlotWentLive("show", "slot-2", "RTMP", this.now));
		notifier.onOffline(new SlotWentOffline("show", "slot-2", "closed", this.now.plusSeconds(60)));
		sleep(1500);
		assertThat(this.received).as("no retry, nothing more to a broken target").hasSize(1);

		// Once mended, what waited is sent, in order.
		this.answer.set((n) -> new MockResponse().setResponseCode(204));
		this.store.targets.computeIfPresent(1L, (id, target) -> target.withBroken(null));
		notifier.targetsChanged();
		await().until(() -> this.received.size() == 3);
		assertThat(this.received.get(1).content()).contains("slot-1");
		assertThat(this.received.get(2).content()).contains("slot-2");
	}

	@Test
	void aFullQueueDropsTheOldestAndCountsIt() {
		AtomicBoolean hang = new AtomicBoolean(true);
		this.answer.set((n) -> hang.get() ? new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)
				: new MockResponse().setResponseCode(204));
		Notifier notifier = notifier(properties().withQueueCapacity(3).withTimeout(Duration.ofSeconds(2)),
				Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		await().until(() -> this.received.size() == 1);
		// While the sender waits on the first post, ten more arrive.
		for (int i = 2; i <= 11; i++) {
			notifier.onLive(new SlotWentLive("show", "slot-" + i, "RTMP", this.now));
		}
		hang.set(false);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 4);
		sleep(300);
		assertThat(this.received.stream().skip(1).map(Received::content)).containsExactly(
				"🔴 Racer slot-9 is live (show/slot-9, RTMP)", "🔴 Racer slot-10 is live (show/slot-10, RTMP)",
				"🔴 Racer slot-11 is live (show/slot-11, RTMP)");
		// Seven events never got past the intake, and the first message made way for the
		// newest three.
		assertThat(notifier.dropped()).isEqualTo(8);
	}

	@Test
	void alertsAWrongKeyAtMostOncePerAddressEveryTenMinutes() {
		MutableClock clock = new MutableClock(T0);
		Notifier notifier = notifier(properties(), clock);
		for (int i = 0; i < 5; i++) {
			notifier.onRefused(new PublishRefused("show", "slot-1", "203.0.113.9", "wrong stream key", T0));
		}
		notifier.onRefused(new PublishRefused("show", "slot-1", "198.51.100.4", "unknown slot", T0));
		await().until(() -> this.received.size() == 2);
		clock.advance(Duration.ofMinutes(9));
		notifier.onRefused(new PublishRefused("show", "slot-1", "203.0.113.9", "wrong stream key", clock.instant()));
		sleep(500);
		assertThat(this.received).hasSize(2);
		clock.advance(Duration.ofMinutes(1));
		notifier.onRefused(new PublishRefused("show", "slot-1", "203.0.113.9", "wrong stream key", clock.instant()));
		await().until(() -> this.received.size() == 3);
		assertThat(this.received.stream().map(Received::content)).containsExactly(
				"⚠️ Refused a publish to show/slot-1 from 203.0.113.9: wrong stream key",
				"⚠️ Refused a publish to show/slot-1 from 198.51.100.4: unknown slot",
				"⚠️ Refused a publish to show/slot-1 from 203.0.113.9: wrong stream key");
	}

	@Test
	void aDropWithinTheGracePeriodGivesOnlyAReconnectedLine() {
		MutableClock clock = new MutableClock(T0);
		Notifier notifier = notifier(properties(), clock);
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", T0));
		await().until(() -> this.received.size() == 1);

		// Dropped for 12 s, then back: no offline/live pair.
		notifier.onOffline(new SlotWentOffline("show", "slot-1", "lost", T0.plusSeconds(600)));
		clock.advance(Duration.ofSeconds(612));
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", T0.plusSeconds(612)));
		clock.advance(Duration.ofSeconds(60));
		notifier.targetsChanged();
		sleep(500);
		assertThat(this.received).hasSize(1);

		// The real end, once the grace period has passed, carries the reconnect.
		notifier.onOffline(new SlotWentOffline("show", "slot-1", "closed", T0.plusSeconds(3900)));
		clock.advance(Duration.ofSeconds(3900 - 672 + 29));
		notifier.targetsChanged();
		sleep(500);
		assertThat(this.received).as("held for the grace period").hasSize(1);
		clock.advance(Duration.ofSeconds(2));
		notifier.targetsChanged();
		await().until(() -> this.received.size() == 2);
		JsonNode embed = this.received.get(1).json().get("embeds").get(0);
		assertThat(embed.get("description").asString())
			.isEqualTo("show/slot-1 was live for 1 h 5 min; it ended normally.");
		assertThat(embed.get("fields").toString()).contains(
				"{\"name\":\"Reconnected\",\"value\":\"Dropped at 20:10:00 UTC, back after 12 s\",\"inline\":false}");
	}

	@Test
	void releasesEachOfManyHeldDropsWhenItsOwnGraceEnds() {
		// A show's worth of drops held at once; only those whose grace has passed are
		// sent.
		this.store.targets.put(1L,
				new TargetSpec(1L, "racers", TargetKind.DISCORD, this.discord.url("/api/webhooks/1/token").toString(),
						null, null, false, true, false, false, false, false, null, null));
		MutableClock clock = new MutableClock(T0);
		Notifier notifier = notifier(properties().withQueueCapacity(5000), clock);
		for (int i = 0; i < 2000; i++) {
			notifier.onOffline(new SlotWentOffline("show", "slot-" + i, "closed", T0.plusMillis(i * 10L)));
		}
		notifier.onLive(new SlotWentLive("show", "slot-5", "RTMP", T0.plusSeconds(1)));
		// slot-0 … slot-99 are due 30 s after their drop, at T0 + 30 s … T0 + 30.99 s;
		// slot-5 came back.
		clock.advance(Duration.ofMillis(30_995));
		notifier.targetsChanged();
		await().until(() -> this.received.size() == 99);
		sleep(300);
		assertThat(this.received).hasSize(99);
		assertThat(this.received.stream().map(Received::content))
			.allMatch((content) -> content.contains("went offline"))
			.noneMatch((content) -> content.contains("(show/slot-5)"))
			.contains("⚫ Racer slot-0 went offline (show/slot-0)", "⚫ Racer slot-99 went offline (show/slot-99)")
			.doesNotContain("⚫ Racer slot-100 went offline (show/slot-100)");
		clock.advance(Duration.ofSeconds(20));
		notifier.targetsChanged();
		await().until(() -> this.received.size() == 1999);
	}

	@Test
	void tellsOnceWhenOmeHasNotAnsweredForAMinuteAndOnceWhenItIsBack() {
		Notifier notifier = notifier(properties(), new MutableClock(T0));
		String api = "http://ome:8081/";
		// A 20 s blip says nothing.
		notifier.onSnapshot(down(api, T0, T0.plusSeconds(20)));
		notifier.onSnapshot(up(api, T0.plusSeconds(22)));
		Instant since = T0.plusSeconds(100);
		notifier.onSnapshot(down(api, since, since.plusSeconds(30)));
		notifier.onSnapshot(down(api, since, since.plusSeconds(61)));
		notifier.onSnapshot(down(api, since, since.plusSeconds(71)));
		await().until(() -> this.received.size() == 1);
		notifier.onSnapshot(up(api, since.plusSeconds(150)));
		notifier.onSnapshot(up(api, since.plusSeconds(152)));
		await().until(() -> this.received.size() == 2);
		sleep(300);
		assertThat(this.received.stream().map(Received::content)).containsExactly(
				"🟠 OME's API has not answered for 1 min 1 s (http://ome:8081/)",
				"🟢 OME's API answers again, after 2 min 30 s (http://ome:8081/)");
	}

	private static LiveSnapshot down(String api, Instant since, Instant at) {
		return new LiveSnapshot(at, api, false, since, "connect timed out", Map.of(), 0);
	}

	private static LiveSnapshot up(String api, Instant at) {
		return new LiveSnapshot(at, api, true, null, null, Map.of(), 0);
	}

	@Test
	void aDropLongerThanTheGracePeriodGivesOfflineThenLive() {
		MutableClock clock = new MutableClock(T0);
		Notifier notifier = notifier(properties(), clock);
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", T0));
		notifier.onOffline(new SlotWentOffline("show", "slot-1", "kicked", T0.plusSeconds(60)));
		clock.advance(Duration.ofSeconds(95));
		notifier.onLive(new SlotWentLive("show", "slot-1", "WebRTC", T0.plusSeconds(95)));
		await().until(() -> this.received.size() == 3);
		assertThat(this.received.stream().map(Received::content)).containsExactly(
				"🔴 Racer slot-1 is live (show/slot-1, RTMP)", "⚫ Racer slot-1 went offline (show/slot-1)",
				"🔴 Racer slot-1 is live (show/slot-1, WHIP)");
	}

	@Test
	void keepsUnsentMessagesOverARestartUnlessStale() {
		this.answer.set((n) -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		MutableClock clock = new MutableClock(T0);
		NotifyProperties properties = properties().withTimeout(Duration.ofMillis(300));
		Notifier first = notifier(properties, clock);
		first.onLive(new SlotWentLive("show", "slot-1", "RTMP", T0));
		first.onLive(new SlotWentLive("show", "slot-2", "RTMP", T0));
		await().until(() -> this.received.size() >= 1);
		first.stop();
		assertThat(this.store.queued).hasSize(2);

		// Sent after a start five minutes later...
		this.answer.set((n) -> new MockResponse().setResponseCode(204));
		this.received.clear();
		clock.advance(Duration.ofMinutes(5));
		notifier(properties, clock);
		await().until(() -> this.received.size() == 2);
		assertThat(this.received.get(0).content()).contains("slot-1");
		assertThat(this.received.get(1).content()).contains("slot-2");
	}

	@Test
	void dropsUnsentMessagesOlderThanTheLimitAtStart() {
		MutableClock clock = new MutableClock(T0);
		this.store.queued.add(new QueuedMessage(1L, "{\"content\":\"old news\"}", T0));
		clock.advance(Duration.ofMinutes(11));
		notifier(properties(), clock);
		sleep(700);
		assertThat(this.received).isEmpty();
		assertThat(this.store.queued).isEmpty();
	}

	@Test
	void keepsEachTargetsOrderWhileRetrying() {
		this.answer
			.set((n) -> (n <= 2) ? new MockResponse().setResponseCode(502) : new MockResponse().setResponseCode(204));
		Notifier notifier = notifier(properties(), Clock.systemUTC());
		notifier.onLive(new SlotWentLive("show", "slot-1", "RTMP", this.now));
		notifier.onLive(new SlotWentLive("show", "slot-2", "RTMP", this.now));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 4);
		assertThat(this.received.stream().map((r) -> r.content().contains("slot-1") ? "1" : "2")).containsExactly("1",
				"1", "1", "2");
	}

	private Notifier notifier(NotifyProperties properties, Clock clock) {
		Messages messages = new Messages(JSON, () -> "00000000-0000-0000-0000-000000000000");
		ViewerLinks links = new ViewerLinks("https://live.example.org", (app, slot) -> "TOKEN");
		Notifier notifier = new Notifier(properties, this.store, new WebhookClient(properties, JSON, clock), messages,
				(app, slot) -> new SlotFacts("Racer " + slot, false), links::links, clock);
		notifier.start();
		this.notifiers.add(notifier);
		return notifier;
	}

	static NotifyProperties properties() {
		return new NotifyProperties(100, Duration.ofSeconds(5), 6, Duration.ofMillis(100), Duration.ofSeconds(60),
				Duration.ofSeconds(30), Duration.ofMinutes(10), true, Duration.ofSeconds(60));
	}

	private TargetSpec discordTarget(Long id) {
		return new TargetSpec(id, "racers", TargetKind.DISCORD, this.discord.url("/api/webhooks/1/token").toString(),
				null, null, true, true, true, true, false, false, null, null);
	}

	private static MockResponse tooManyRequests(String body, String header) {
		MockResponse response = new MockResponse().setResponseCode(429).setBody(body);
		if (header != null) {
			response.setHeader("Retry-After", header);
		}
		return response;
	}

	private long gapMillis(int first, int second) {
		return TimeUnit.NANOSECONDS.toMillis(this.received.get(second).nanos() - this.received.get(first).nanos());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
