package io.greenroom.ome.real;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.greenroom.admission.LivePublishers;
import io.greenroom.notify.TestTargets;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OME restarts through Apply while two RTMP streams are live: each slot goes offline once
 * and live once more when its streamer reconnects (ffmpeg started again, as OBS's
 * automatic reconnect does), with no event and no notification twice, also after the
 * poller and the reconciler have had several rounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
class RealOmeRestartTests {

	private static final List<String> SLOTS = List.of("slot-1", "slot-2");

	@TempDir
	static Path work;

	private RecordingDiscord discord;

	private List<String> messages;

	private final Map<String, List<String>> events = new ConcurrentHashMap<>();

	private OmeStage stage;

	@BeforeAll
	void start() throws Exception {
		this.discord = new RecordingDiscord();
		this.messages = this.discord.messages();
		this.stage = OmeStage.start(work, (catalog) -> {
			App show = catalog.createApp("show");
			for (String slot : SLOTS) {
				catalog.createSlot(show.getId(), new SlotDraft(slot, "Racer " + slot.substring(5), 2500, true));
			}
		}, Map.of(), "greenroom.notify.allow-insecure-urls=true", "greenroom.notify.reconnect-grace=0s",
				"greenroom.live.poll-interval=1s", "greenroom.live.heartbeat=1s");
		TestTargets.addSlotWatcher((type) -> this.stage.bean(type), this.discord.url());
		this.stage.greenroom().listen(SlotWentLive.class, (event) -> record(event.slot(), "live"));
		this.stage.greenroom()
			.listen(SlotWentOffline.class, (event) -> record(event.slot(), "offline " + event.reason()));
	}

	@AfterAll
	void stop() throws Exception {
		try {
			if (this.stage != null) {
				this.stage.close();
			}
		}
		finally {
			if (this.discord != null) {
				this.discord.close();
			}
		}
	}

	@Test
	void eachSlotGoesOfflineOnceAndLiveOnceMoreWhenItsStreamerReconnects() throws Exception {
		Map<String, Process> publishers = new ConcurrentHashMap<>();
		for (String slot : SLOTS) {
			publishers.put(slot, publish(slot));
		}
		awaitEvents("both slots live", List.of("live"));
		await("two go-live messages").atMost(Duration.ofSeconds(30)).until(() -> this.messages.size() == 2);

		this.stage.applyAndAwaitRestart();
		// OME's restart drops the RTMP connections; the streamers reconnect.
		for (String slot : SLOTS) {
			Process old = publishers.get(slot);
			assertThat(old.waitFor(30, TimeUnit.SECONDS)).as(slot + "'s ffmpeg loses its connection").isTrue();
			publishers.put(slot, publish(slot));
		}
		await("both slots back on air").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> SLOTS.stream().allMatch((slot) -> events(slot).size() >= 3));
		// No event repeats over several rounds of the poller (1 s) and the reconciler
		// (10 s): fails at the first extra one.
		await("no repeated event").during(Duration.ofSeconds(12))
			.atMost(Duration.ofSeconds(15))
			.until(() -> SLOTS.stream().allMatch((slot) -> events(slot).size() == 3));

		for (String slot : SLOTS) {
			List<String> seen = events(slot);
			assertThat(seen).as(slot + ": " + this.events + "\n" + this.stage.ome().log()).hasSize(3);
			assertThat(seen.get(0)).isEqualTo("live");
			assertThat(seen.get(1)).startsWith("offline");
			assertThat(seen.get(2)).isEqualTo("live");
			assertThat(this.stage.bean(LivePublishers.class).isLive("show", slot)).as(slot + " live").isTrue();
			assertThat(this.stage.ome().streams("show")).contains(slot);
		}
		// Two live, two offline, two live again: six messages, one per event.
		await("the offline and live-again messages").atMost(Duration.ofSeconds(30))
			.until(() -> this.messages.size() >= 6);
		await("no repeated message").during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.messages.size() == 6);
		assertThat(this.messages).as(String.join("\n", this.messages)).hasSize(6);
		for (String slot : SLOTS) {
			String name = "Racer " + slot.substring(5);
			assertThat(this.messages.stream().filter((message) -> message.contains(name))).hasSize(3);
		}
		System.out.println("Events per slot across OME's restart: " + this.events);
		publishers.values().forEach(Process::destroy);
	}

	private Process publish(String slot) throws Exception {
		Slot found = this.stage.bean(StreamCatalog.class).findSlot("show", slot).orElseThrow();
		return this.stage.publishRtmp(this.stage.rtmpPublishUrl("show", slot, found.getPublishSecret().value()));
	}

	private void awaitEvents(String what, List<String> expected) {
		await(what).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> SLOTS.stream().allMatch((slot) -> events(slot).equals(expected)));
	}

	private List<String> events(String slot) {
		return List.copyOf(this.events.getOrDefault(slot, List.of()));
	}

	private void record(String slot, String event) {
		this.events.computeIfAbsent(slot, (key) -> new CopyOnWriteArrayList<>()).add(event);
	}

}
