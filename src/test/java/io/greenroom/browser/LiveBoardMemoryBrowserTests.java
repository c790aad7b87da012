package io.greenroom.browser;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

import io.greenroom.GreenroomInstance;
import io.greenroom.live.OmeStandIn;
import io.greenroom.stream.App;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board with 50 slots on air, open in headless Chromium while its figures change with
 * every poll: the page's DOM and its JavaScript heap stay flat. OME's REST API is a
 * MockWebServer serving OME 0.19's captured bodies. It runs 60 s in the build;
 * {@code -Dgreenroom.board-soak=10m} runs the ten minutes a show's warm-up lasts.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveBoardMemoryBrowserTests {

	private static final int SLOTS = 50;

	@TempDir
	Path data;

	@Test
	void aBoardOfFiftyLiveSlotsKeepsItsDomAndHeapFlat(CapturedOutput output) throws Exception {
		Duration soak = Duration.parse("PT" + System.getProperty("greenroom.board-soak", "60s").toUpperCase());
		OmeStandIn ome = new OmeStandIn();
		MockWebServer omeApi = new MockWebServer();
		omeApi.setDispatcher(ome);
		omeApi.start(InetAddress.getLoopbackAddress(), 0);
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.ome.api-url=" + omeApi.url("/"), "greenroom.live.poll-interval=500ms",
				"greenroom.live.heartbeat=2s");
				Chromium chromium = Chromium.start(1280, 1000, "--js-flags=--expose-gc",
						"--enable-precise-memory-info")) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App app = catalog.createApp("show");
			for (int i = 1; i <= SLOTS; i++) {
				catalog.createSlot(app.getId(), new SlotDraft("slot-" + i, "Racer " + i, 2500, true));
				onAir(ome, i, false);
			}
			WebDriver browser = chromium.driver();
			JavascriptExecutor js = (JavascriptExecutor) browser;
			browser.get(greenroom.baseUrl() + "/login");
			browser.findElement(By.id("password")).sendKeys(GreenroomInstance.generatedAdminPassword(output));
			Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.urlMatches(".*/apps(\\?continue)?$"));
			browser.get(greenroom.baseUrl() + "/apps/" + app.getId() + "/live");
			new WebDriverWait(browser, Duration.ofSeconds(20))
				.until((driver) -> String.valueOf(SLOTS).equals(driver.findElement(By.id("board-live")).getText()));
			js.executeScript("window.notReloaded = true");
			// Let the sparklines fill their first points, then measure.
			Thread.sleep(3000);
			long[] before = measure(js);

			long until = System.nanoTime() + soak.toNanos();
			int round = 0;
			while (System.nanoTime() < until) {
				// Every second, half the slots swap figures: new viewers, bitrate,
				// warnings.
				round++;
				for (int i = 1; i <= SLOTS; i++) {
					onAir(ome, i, (i + round) % 2 == 0);
				}
				Thread.sleep(1000);
			}
			// Back to the figures of the first measurement, so both count the same
			// warnings.
			for (int i = 1; i <= SLOTS; i++) {
				onAir(ome, i, false);
			}
			Thread.sleep(3000);
			long[] after = measure(js);
			System.out.printf("Board of %d live slots over %s: DOM nodes %d -> %d, JS heap %.1f -> %.1f MB%n", SLOTS,
					soak, before[0], after[0], before[1] / 1e6, after[1] / 1e6);
			assertThat(js.executeScript("return window.notReloaded")).isEqualTo(Boolean.TRUE);
			assertThat(browser.findElement(By.id("board-live")).getText()).isEqualTo(String.valueOf(SLOTS));
			assertThat(after[0]).as("DOM nodes").isEqualTo(before[0]);
			assertThat(after[1]).as("JS heap after a collection").isLessThan(before[1] + 2_000_000);
		}
		finally {
			omeApi.shutdown();
		}
	}

	/** On air with two viewers, or none: the figures change, the warnings do not. */
	private static void onAir(OmeStandIn ome, int slot, boolean noViewers) {
		ome.onAir("show", "slot-" + slot, "stream_detail_nobframes_g45.json",
				noViewers ? "stats_stream_bframes_0_viewers.json" : "stats_stream_2_webrtc_viewers.json");
	}

	/** DOM nodes and the JS heap in use, after a full collection. */
	private static long[] measure(JavascriptExecutor js) {
		js.executeScript("window.gc(); window.gc();");
		long nodes = ((Number) js.executeScript("return document.getElementsByTagName('*').length")).longValue();
		long heap = ((Number) js.executeScript("return performance.memory.usedJSHeapSize")).longValue();
		return new long[] { nodes, heap };
	}

}
