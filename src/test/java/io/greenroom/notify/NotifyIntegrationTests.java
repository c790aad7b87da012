package io.greenroom.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications against a running Greenroom, with a MockWebServer standing in for
 * Discord: admission never waits for it.
 */
class NotifyIntegrationTests {

	@TempDir
	Path data;

	@Test
	void admissionAnswersAtOnceWhileDiscordHangsAndTheMessagesFollowWhenItRecovers() throws Exception {
		AtomicBoolean hanging = new AtomicBoolean(true);
		List<String> delivered = new CopyOnWriteArrayList<>();
		Set<String> contents = ConcurrentHashMap.newKeySet();
		try (MockWebServer discord = new MockWebServer()) {
			discord.setDispatcher(new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					if (hanging.get()) {
						return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
					}
					String body = request.getBody().readUtf8();
					delivered.add(body);
					contents.add(JsonMapper.builder().build().readTree(body).get("content").asString());
					return new MockResponse().setResponseCode(204);
				}
			});
			discord.start();
			try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
					"greenroom.notify.allow-insecure-urls=true", "greenroom.notify.timeout=1s",
					"greenroom.notify.retry-backoff=200ms", "greenroom.notify.max-attempts=100")) {
				StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
				App show = catalog.createApp("show");
				List<Slot> slots = new ArrayList<>();
				for (int i = 1; i <= 50; i++) {
					slots.add(catalog.createSlot(show.getId(), new SlotDraft("slot-" + i, "Racer " + i, 2500, true)));
				}
				greenroom.bean(NotificationTargets.class)
					.create(new TargetSettings("racers", TargetKind.DISCORD,
							discord.url("/api/webhooks/123456789012345678/token").toString(), null, true, true, true,
							false, false, false, null));
				greenroom.bean(Notifier.class).targetsChanged();
				OmeWebhook ome = new OmeWebhook(greenroom.baseUrl(),
						greenroom.bean(OmeSecrets.class).admissionSecretKey());

				// One play request first, so the measured ones do not pay for the first
				// connection and class loading.
				assertThat(ome
					.send(OmeWebhook.opening("outgoing", "WebRTC", "ws://127.0.0.1:3333/show/slot-1", "172.18.0.7",
							40999, null, null))
					.body()).startsWith("{\"allowed\":true");
				List<Long> times = new ArrayList<>();
				long slowest = 0;
				for (int i = 0; i < 50; i++) {
					Slot slot = slots.get(i);
					String url = "rtmp://127.0.0.1:1935/show/" + slot.getName() + "?key="
							+ slot.getPublishSecret().value();
					long start = System.nanoTime();
					String answer = ome
						.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", 41000 + i, null, null))
						.body();
					long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
					slowest = Math.max(slowest, millis);
					times.add(millis);
					assertThat(answer).startsWith("{\"allowed\":true");
				}
				assertThat(slowest).as("slowest admission answer (ms) while Discord hangs, of %s", times)
					.isLessThan(1000);
				assertThat(delivered).isEmpty();

				hanging.set(false);
				// The sender runs at idle priority: on a busy machine it waits for a free
				// core.
				await().atMost(Duration.ofSeconds(120)).until(() -> contents.size() == 50);
				assertThat(contents).contains("🔴 Racer 1 is live (show/slot-1, RTMP)",
						"🔴 Racer 50 is live (show/slot-50, RTMP)");
				await().until(() -> greenroom.bean(NotificationTargets.class)
					.list()
					.get(0)
					.getLastDeliveryStatus()
					.equals("delivered"));

				// A wrong key comes through admission as an alert, blaming the address
				// behind the trusted proxy (Caddy's compose address).
				ome.send(OmeWebhook.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1?key=guess",
						"172.29.213.5", 42000, "203.0.113.50", null));
				await().until(() -> contents.stream().anyMatch((c) -> c.contains("203.0.113.50")));
			}
		}
	}

}
