package io.greenroom.ome.real;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.greenroom.live.OmePoller;
import io.greenroom.notify.TestTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real OME stops and comes back: a notification target that asked hears of both, once
 * each, from the live poller reading OME's REST API. The target is a MockWebServer
 * standing in for Discord.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
class RealOmeNotifyTests {

	@TempDir
	static Path work;

	private RecordingDiscord discord;

	private List<String> received;

	private OmeStage stage;

	@BeforeAll
	void start() throws Exception {
		this.discord = new RecordingDiscord();
		this.received = this.discord.messages();
		this.stage = OmeStage.start(work, (catalog) -> catalog.createApp("show"), Map.of(),
				"greenroom.notify.allow-insecure-urls=true", "greenroom.notify.ome-down-after=3s",
				"greenroom.live.poll-interval=1s", "greenroom.live.heartbeat=1s");
		TestTargets.addOmeWatcher((type) -> this.stage.bean(type), this.discord.url());
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
	void aTargetHearsOnceThatOmeStoppedAnsweringAndOnceThatItIsBack() throws Exception {
		// The poller reads the running OME first: a poll that started after this point
		// and reached it.
		java.time.Instant started = java.time.Instant.now();
		OmePoller poller = this.stage.bean(OmePoller.class);
		await("a poll that reached the running OME").atMost(Duration.ofSeconds(30))
			.until(() -> poller.snapshot().reachable() && poller.snapshot().at().isAfter(started));
		assertThat(this.received).isEmpty();

		this.stage.ome().stop();
		await("the unreachable message").atMost(Duration.ofSeconds(30)).until(() -> this.received.size() == 1);
		assertThat(this.received.get(0)).contains("OME's API has not answered for", "OME is not answering",
				"127.0.0.1:" + this.stage.ome().ports().api());

		this.stage.ome().start();
		await("the back message").atMost(Duration.ofSeconds(60)).until(() -> this.received.size() == 2);
		assertThat(this.received.get(1)).contains("OME's API answers again, after", "OME answers again");
		// The window in which a repeated message would arrive: fails at the first one.
		await("each said once").during(Duration.ofMillis(2500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.received.size() == 2);
	}

}
