package io.greenroom.admission;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.greenroom.stream.App;
import io.greenroom.stream.PublishRefused;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotRow;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision's events (live, offline, refused for a wrong key) wait until the endpoint
 * has written its answer: nothing hears of them while OME waits.
 */
class AdmissionAnnouncementTests {

	private static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");

	private final List<Object> events = new ArrayList<>();

	private final PublishSecret secret = PublishSecret.generate();

	private final AdmissionPolicy policy = policy();

	@Test
	void announcesGoingLiveOnlyWhenAsked() {
		String url = "rtmp://127.0.0.1:1935/show/slot-1?key=" + this.secret.value();
		AdmissionResponse answer = this.policy
			.decide(read(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", 40000, null, null)));
		assertThat(answer.allowed()).isTrue();
		assertThat(this.events).isEmpty();
		assertThat(this.policy.hasPending()).isTrue();
		this.policy.announcePending();
		assertThat(this.events).containsExactly(new SlotWentLive("show", "slot-1", "RTMP", NOW));
		assertThat(this.policy.hasPending()).isFalse();

		this.policy.decide(read(OmeWebhook.closing("incoming", "RTMP", url, "rtmp://127.0.0.1:1935/show/slot-1",
				"172.18.0.5", 40000, null)));
		assertThat(this.events).hasSize(1);
		this.policy.announcePending();
		assertThat(this.events).last().isEqualTo(new SlotWentOffline("show", "slot-1", "closed", NOW));
	}

	@Test
	void announcesAWrongKeyWithTheAddress() {
		this.policy.decide(read(OmeWebhook.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/show/slot-1?key=guess",
				"172.18.0.5", 40001, "203.0.113.9", null)));
		assertThat(this.events).isEmpty();
		this.policy.announcePending();
		assertThat(this.events)
			.containsExactly(new PublishRefused("show", "slot-1", "203.0.113.9", "wrong stream key", NOW));
	}

	@Test
	void aPlayAnnouncesNothing() {
		this.policy.decide(read(OmeWebhook.opening("outgoing", "WebRTC", "ws://127.0.0.1:3333/show/slot-1",
				"172.18.0.5", 40002, null, null)));
		assertThat(this.policy.hasPending()).isFalse();
	}

	private AdmissionPolicy policy() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		App app = new App("show", NOW);
		Slot slot = new Slot(app, "slot-1", "Racer 1", 2500, this.secret, NOW);
		ReflectionTestUtils.setField(slot, "id", 1L);
		StreamCatalog catalog = Mockito.mock(StreamCatalog.class);
		Mockito.when(catalog.allApps()).thenReturn(List.of(app));
		Mockito.when(catalog.allSlotRows()).thenReturn(List.of(SlotRow.of(slot)));
		return new AdmissionPolicy(new SlotDirectory(catalog), new LivePublishers(),
				new KeyGuard(
						new AdmissionProperties(10, Duration.ofMinutes(1), Duration.ofMinutes(5), 100, List.of(), ""),
						clock),
				new TrustedProxies(List.of("172.18.0.0/16")), new LogBudget(), new ViewerTokens("viewer-key", clock),
				new SessionRecorder() {

					private long lastId;

					@Override
					public long newSessionId() {
						return ++this.lastId;
					}

					@Override
					public void opened(PublishSession session) {
					}

					@Override
					public void ended(long sessionId, String reason) {
					}

				}, (a, s) -> {
				}, this.events::add, clock);
	}

	private static AdmissionRequest read(String body) {
		try (tools.jackson.core.JsonParser parser = JsonMapper.builder()
			.build()
			.createParser(body.getBytes(StandardCharsets.UTF_8))) {
			return AdmissionRequest.read(parser);
		}
	}

}
