package io.greenroom.browser;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.live.OmeStandIn;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The show-day board in real headless Chromium, with OME's REST API played by a
 * MockWebServer serving OME 0.19's captured bodies and the admission webhook signed as
 * OME signs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveBoardBrowserTests {

	/** The poll interval of this test; the board must follow within about one. */
	private static final Duration POLL = Duration.ofMillis(500);

	private static final String SCRAPE_TOKEN = "scrape-token-for-tests";

	@TempDir
	Path data;

	@Test
	void producerWatchesASlotGoLiveGetHealthyLoseOmeAndKickAndBlockItWithoutAReload(CapturedOutput output)
			throws Exception {
		OmeStandIn ome = new OmeStandIn();
		// "OME down" drops every connection as it opens, on the same port: a stand-in
		// stopped and started again could find its port taken meanwhile.
		java.util.concurrent.atomic.AtomicBoolean omeDown = new java.util.concurrent.atomic.AtomicBoolean();
		MockWebServer omeApi = new MockWebServer();
		omeApi.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
			@Override
			public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request)
					throws InterruptedException {
				return omeDown.get() ? new okhttp3.mockwebserver.MockResponse()
					.setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START) : ome.dispatch(request);
			}
		});
		omeApi.start(InetAddress.getLoopbackAddress(), 0);
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.ome.api-url=" + omeApi.url("/"), "greenroom.live.poll-interval=" + POLL.toMillis() + "ms",
				"greenroom.live.heartbeat=2s", "greenroom.metrics.prometheus-token=" + SCRAPE_TOKEN);
				Chromium chromium = Chromium.start(1280, 1000)) {
			WebDriver browser = chromium.driver();
			JavascriptExecutor js = (JavascriptExecutor) browser;
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
			// Within one poll interval plus the page's round trip; generous, because the
			// machines that run this are shared and often saturated.
			WebDriverWait onePoll = new WebDriverWait(browser, POLL.plusSeconds(10));
			String base = greenroom.baseUrl();

			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App app = catalog.createApp("show");
			Slot slot1 = catalog.createSlot(app.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
			catalog.createSlot(app.getId(), new SlotDraft("slot-2", "Racer 2", 2500, true));
			String secret = slot1.getPublishSecret().value();

			browser.get(base + "/login");
			browser.findElement(By.id("password")).sendKeys(GreenroomInstance.generatedAdminPassword(output));
			Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
			wait.until(ExpectedConditions.urlMatches(".*/apps(\\?continue)?$"));
			assertThat(browser.findElement(By.id("live-show")).getText()).isEqualTo("none on air");

			Chromium.navigate(browser, By.id("live-show"));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live board show");
			WebElement page = browser.findElement(By.tagName("html"));
			WebElement card = browser.findElement(By.id("card-slot-1"));
			WebElement viewersNode = card.findElement(By.cssSelector("[data-field=viewers]"));
			js.executeScript("window.notReloaded = true");
			assertThat(status(card)).isEqualTo("off");

			// The streamer's OBS connects: OME asks Greenroom, then lists the stream.
			ome.onAir("show", "slot-1", "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json");
			OmeWebhook webhook = new OmeWebhook(base, greenroom.bean(OmeSecrets.class).admissionSecretKey());
			String rtmpUrl = "rtmp://127.0.0.1:1935/show/slot-1?key=" + secret;
			assertThat(webhook
				.send(OmeWebhook.opening("incoming", "RTMP", rtmpUrl, "172.18.0.5", 40123, "203.0.113.7", null))
				.body()).startsWith("{\"allowed\":true");
			onePoll.until((driver) -> status(card).equals("on air") && field(card, "video").equals("H264 640×360")
					&& field(card, "viewers").startsWith("2 now"));
			assertThat(field(card, "fps")).isEqualTo("30 fps");
			assertThat(field(card, "keyframes")).isEqualTo("every 1.5 s");
			assertThat(field(card, "bitrate")).startsWith("2014 Kbps now, 2019 average");
			assertThat(field(card, "audio")).isEqualTo("AAC 66 Kbps");
			assertThat(field(card, "bytes")).isEqualTo("6.5 MB");
			assertThat(card.findElement(By.cssSelector(".slot-meta")).getText()).contains("RTMP")
				.contains("172.18.0.5:40123");
			assertThat(card.findElements(By.cssSelector("[data-field=warnings] li"))).isEmpty();
			assertThat(browser.findElement(By.id("board-live")).getText()).isEqualTo("1");
			chromium.screenshot("live-board-on-air");

			// The same figures for Prometheus, behind their own token.
			assertThat(scrape(base, null).statusCode()).isEqualTo(401);
			assertThat(scrape(base, "admin-password-is-not-it").statusCode()).isEqualTo(401);
			// The poller thread runs at idle priority: on a saturated machine the meters
			// may trail the page by a moment.
			wait.until((driver) -> scrapeQuietly(base).contains("greenroom_live_viewers{app=\"show\"} 2.0"));
			HttpResponse<String> metrics = scrape(base, SCRAPE_TOKEN);
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("greenroom_live_slots 1.0")
				.contains("greenroom_live_viewers{app=\"show\"} 2.0")
				.contains("greenroom_live_bitrate{app=\"show\",slot=\"slot-1\"} 2014953.0")
				.contains("greenroom_ome_reachable 1.0")
				.contains("greenroom_admission_answers_total{outcome=\"allowed\"} 1.0")
				.contains("greenroom_live_poll_duration_seconds_count");

			// The streamer turns B-frames on: the card says what to change, and stops
			// saying it once fixed.
			ome.onAir("show", "slot-1", "stream_detail_bframes.json", "stats_stream_bframes_0_viewers.json");
			onePoll.until((driver) -> warnings(card).contains("x264 Options: bframes=0"));
			assertThat(field(card, "viewers")).isEqualTo("0 now, peak 2");
			chromium.screenshot("live-board-bframes");
			ome.onAir("show", "slot-1", "stream_detail_nobframes_g45.json", "stats_stream_2_webrtc_viewers.json");
			onePoll.until((driver) -> warnings(card).isEmpty());
			int nodesBefore = nodeCount(js);

			// OME goes away: the board says since when and greys the last state.
			omeDown.set(true);
			wait.until((driver) -> driver.findElement(By.id("ome-down")).isDisplayed());
			String down = browser.findElement(By.id("ome-down")).getText();
			assertThat(down).startsWith("OME not reachable at " + omeApi.url("/") + " since ")
				.containsPattern("since \\d\\d:\\d\\d:\\d\\d\\. Showing the last known state\\.");
			assertThat(browser.findElement(By.id("board")).getAttribute("class")).contains("stale");
			assertThat(field(card, "video")).as("last known state").isEqualTo("H264 640×360");
			chromium.screenshot("live-board-ome-down");

			// OME is back: the board recovers by itself.
			omeDown.set(false);
			try {
				wait.until((driver) -> !driver.findElement(By.id("ome-down")).isDisplayed());
				assertThat(browser.findElement(By.id("board")).getAttribute("class")).doesNotContain("stale");

				// Still the same page and the same nodes: updated in place, never
				// reloaded.
				assertThat(js.executeScript("return window.notReloaded")).isEqualTo(true);
				assertThat(viewersNode.getText()).startsWith("2 now");
				assertThat(page.isEnabled()).isTrue();
				assertThat(nodeCount(js)).isEqualTo(nodesBefore);

				// Kick and block: the secret changes first, then OME drops the stream.
				card.findElement(By.cssSelector("form.block button")).click();
				wait.until(ExpectedConditions.alertIsPresent()).accept();
				wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"),
						"Made a new secret for 'slot-1' first"));
				assertThat(ome.kicks()).containsExactly("show/slot-1");
				assertThat(webhook
					.send(OmeWebhook.opening("incoming", "RTMP", rtmpUrl, "172.18.0.5", 40124, "203.0.113.7", null))
					.body()).as("the old secret is refused").contains("wrong stream key");
				WebElement kicked = browser.findElement(By.id("card-slot-1"));
				onePoll.until((driver) -> status(kicked).equals("off"));
				chromium.screenshot("live-board-blocked");
			}
			finally {
				omeApi.shutdown();
			}
		}
	}

	private static String scrapeQuietly(String base) {
		try {
			return scrape(base, SCRAPE_TOKEN).body();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static HttpResponse<String> scrape(String base, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String status(WebElement card) {
		return field(card, "status");
	}

	private static String field(WebElement card, String name) {
		return card.findElement(By.cssSelector("[data-field=" + name + "]")).getText();
	}

	private static String warnings(WebElement card) {
		return field(card, "warnings");
	}

	private static int nodeCount(JavascriptExecutor js) {
		return ((Number) js.executeScript("return document.getElementsByTagName('*').length")).intValue();
	}

}
