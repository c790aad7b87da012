package io.greenroom.ome.real;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.greenroom.admission.ViewerTokens;
import io.greenroom.browser.Chromium;
import io.greenroom.layout.Fit;
import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutBox;
import io.greenroom.layout.LayoutDraft;
import io.greenroom.layout.Layouts;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Greenroom's viewer pages playing a real OME stream in Chromium: the layout page starts
 * by itself when the stream begins after it opened and recovers when the publisher drops
 * and returns; the call page plays; a private app plays only with a viewer link.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealOmePagesTests {

	static final String FRAMES = "var v = document.querySelector('video');"
			+ "return v ? v.getVideoPlaybackQuality().totalVideoFrames : -1;";

	@TempDir
	static Path work;

	private OmeStage stage;

	private Chromium chromium;

	private Process publisher;

	@BeforeAll
	void start() throws Exception {
		this.stage = OmeStage.start(work, (catalog) -> {
			App show = catalog.createApp("show");
			catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
			App closed = catalog.createApp("closed");
			catalog.updateAccessPolicy(closed.getId(), new AccessPolicy(true, DuplicatePublisher.DENY));
			catalog.createSlot(closed.getId(), new SlotDraft("alice", "Alice", 2500, true));
		}, Map.of());
		StreamCatalog catalog = this.stage.bean(StreamCatalog.class);
		App show = catalog.findAppByName("show").orElseThrow();
		Slot slot = catalog.findSlot("show", "slot-1").orElseThrow();
		Layouts layouts = this.stage.bean(Layouts.class);
		Layout main = layouts.create(show.getId(), "main");
		layouts.save(show.getId(), main.getId(), new LayoutDraft("main", 640, 360, null, true,
				List.of(new LayoutBox(slot.getId(), 0, 0, 640, 360, 0, Fit.CONTAIN, 100, true, null))));
		this.chromium = Chromium.start(800, 600, "--autoplay-policy=no-user-gesture-required");
	}

	@AfterAll
	void stop() throws Exception {
		OmeStage.close(this.chromium, this.stage);
	}

	@Test
	@Order(1)
	void theLayoutPageStartsByItselfAndRecoversWhenThePublisherReturns() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.stage.greenroom().baseUrl() + "/layout/show/main");
		assertThat(frames(browser)).as("nothing plays before the stream begins").isLessThanOrEqualTo(0);

		long started = System.nanoTime();
		this.publisher = this.stage.publishRtmp(rtmpUrl("show", "slot-1"));
		await("the layout page's first frame").atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> frames(browser) > 0);
		long firstFrame = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.println("figure: ffmpeg start to the layout page's first frame: " + firstFrame + " ms");
		RealOmeRtmpTests.awaitFramesDecoded(browser, "/layout");

		this.publisher.destroy();
		assertThat(this.publisher.waitFor(10, TimeUnit.SECONDS)).isTrue();
		await("OME drops the stream").atMost(Duration.ofSeconds(20))
			.until(() -> !this.stage.ome().streams("show").contains("slot-1"));
		this.publisher = this.stage.publishRtmp(rtmpUrl("show", "slot-1"));
		long back = System.nanoTime();
		await("the layout page plays the returning publisher").atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> frames(browser) > 0 && framesAdvance(browser));
		System.out.println("figure: publisher back to the layout page playing: "
				+ Duration.ofNanos(System.nanoTime() - back).toMillis() + " ms");
	}

	@Test
	@Order(2)
	void theCallPagePlaysTheLiveSlot() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.stage.greenroom().baseUrl() + "/call/show");
		RealOmeRtmpTests.awaitFramesDecoded(browser, "/call");
	}

	@Test
	@Order(3)
	void aPrivateAppPlaysWithAViewerLinkAndOmeRefusesAViewerWithout() throws Exception {
		Process alice = this.stage.publishRtmp(rtmpUrl("closed", "alice"));
		await("alice listed").atMost(Duration.ofSeconds(30))
			.until(() -> this.stage.ome().streams("closed").contains("alice"));
		String token = this.stage.bean(ViewerTokens.class).issue("closed", "*", Instant.now().plusSeconds(600));
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.stage.greenroom().baseUrl() + "/watch/closed/alice?token=" + token);
		RealOmeRtmpTests.awaitFramesDecoded(browser, "/watch with a viewer link");

		String signalling = "ws://127.0.0.1:" + this.stage.ome().ports().signalling() + "/closed/alice";
		assertThat(requestOffer(signalling)).as("without a viewer link").contains("Cannot create offer");
		assertThat(requestOffer(signalling + "?token=" + token)).as("with one").contains("\"command\":\"offer\"");
		alice.destroy();
	}

	/** OME's first signalling answer to {@code request_offer}. */
	private static String requestOffer(String url) throws Exception {
		CompletableFuture<String> answer = new CompletableFuture<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create(url), new WebSocket.Listener() {
				private final StringBuilder text = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					this.text.append(data);
					if (last) {
						answer.complete(this.text.toString());
					}
					webSocket.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
					answer.complete("closed " + statusCode + " " + reason);
					return null;
				}
			})
			.get(10, TimeUnit.SECONDS);
		socket.sendText("{\"command\":\"request_offer\"}", true);
		try {
			return answer.get(10, TimeUnit.SECONDS);
		}
		finally {
			socket.abort();
		}
	}

	private String rtmpUrl(String app, String slot) {
		String secret = this.stage.bean(StreamCatalog.class)
			.findSlot(app, slot)
			.orElseThrow()
			.getPublishSecret()
			.value();
		return this.stage.rtmpPublishUrl(app, slot, secret);
	}

	private static long frames(ChromeDriver browser) {
		return ((Number) ((JavascriptExecutor) browser).executeScript(FRAMES)).longValue();
	}

	private static boolean framesAdvance(ChromeDriver browser) throws InterruptedException {
		long before = frames(browser);
		Thread.sleep(500);
		return frames(browser) > before;
	}

}
