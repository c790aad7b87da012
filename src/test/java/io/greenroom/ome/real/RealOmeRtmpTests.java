package io.greenroom.ome.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.greenroom.browser.Chromium;
import io.greenroom.stream.App;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RTMP from ffmpeg into a real OME with Greenroom deciding admission, driven as a
 * producer would: the stream key comes from the slot page, the dashboard shows the slot
 * live and cuts it off, the watch page plays it, and the session history records it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealOmeRtmpTests {

	static final String ADMIN_PASSWORD = "real-ome-tests-password";

	@TempDir
	static Path work;

	private OmeStage stage;

	private Chromium chromium;

	private App show;

	@BeforeAll
	void start() throws Exception {
		this.stage = OmeStage.start(work, (catalog) -> {
			this.show = catalog.createApp("show");
			for (int i = 1; i <= 6; i++) {
				catalog.createSlot(this.show.getId(), new SlotDraft("slot-" + i, "Racer " + i, 2500, true));
			}
		}, Map.of(), "greenroom.admin.password=" + ADMIN_PASSWORD);
		this.chromium = Chromium.start(1280, 900, "--autoplay-policy=no-user-gesture-required");
		ChromeDriver browser = this.chromium.driver();
		browser.get(base() + "/login");
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
	}

	@AfterAll
	void stop() throws Exception {
		OmeStage.close(this.chromium, this.stage);
	}

	@Test
	@Order(1)
	void publishWithTheSlotPagesValuesGoesLivePlaysAndIsCutOffFromTheDashboard() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		Slot slot = slot("slot-1");
		String slotPage = base() + "/apps/" + this.show.getId() + "/slots/" + slot.getId();
		browser.get(slotPage);
		String server = browser.findElement(By.id("rtmp-server")).getAttribute("data-value");
		String key = browser.findElement(By.id("rtmp-key")).getAttribute("data-value");
		assertThat(server).isEqualTo("rtmp://127.0.0.1:" + this.stage.ome().ports().rtmp() + "/show");

		long started = System.nanoTime();
		Process ffmpeg = this.stage.publishRtmp(server + "/" + key);
		await("the dashboard shows slot-1 live").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				browser.get(slotPage);
				return !browser.findElements(By.id("slot-live")).isEmpty();
			});
		long toLive = Duration.ofNanos(System.nanoTime() - started).toMillis();
		awaitListed("slot-1");
		System.out.println("figure: ffmpeg start to dashboard live: " + toLive + " ms");
		Files.writeString(work.resolve("figures.txt"), "rtmp-to-dashboard-live-ms=" + toLive + "\n");
		// The history is written in the background: reload until it shows.
		await("the session history shows the publish").atMost(Duration.ofSeconds(15)).until(() -> {
			browser.get(slotPage);
			return !browser.findElements(By.id("sessions")).isEmpty();
		});
		assertThat(browser.findElement(By.id("sessions")).getText()).contains("RTMP").contains("127.0.0.1");

		// The watch page plays it: frames are decoded.
		browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
		browser.get(base() + "/watch/show/slot-1");
		awaitFramesDecoded(browser, "/watch");
		browser.close();
		browser.switchTo().window(browser.getWindowHandles().iterator().next());

		browser.get(slotPage);
		org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.id("kick")).click();
		browser.switchTo().alert().accept();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
		await("OME drops the kicked stream").atMost(Duration.ofSeconds(15))
			.until(() -> !this.stage.ome().streams("show").contains("slot-1"));
		assertThat(ffmpeg.waitFor(15, TimeUnit.SECONDS)).as("ffmpeg is cut off").isTrue();
	}

	@Test
	@Order(2)
	void aWrongKeyADisabledSlotAndARotatedSecretAreRefused() throws Exception {
		StreamCatalog catalog = this.stage.bean(StreamCatalog.class);
		Process wrongKey = this.stage.publishRtmp(this.stage.rtmpPublishUrl("show", "slot-2", "not-the-secret"));

		Slot disabled = slot("slot-3");
		catalog.setSlotEnabled(this.show.getId(), disabled.getId(), false);
		Process disabledSlot = this.stage
			.publishRtmp(this.stage.rtmpPublishUrl("show", "slot-3", disabled.getPublishSecret().value()));

		Slot rotated = slot("slot-4");
		String oldSecret = rotated.getPublishSecret().value();
		catalog.rotateSecret(this.show.getId(), rotated.getId());
		Process oldKey = this.stage.publishRtmp(this.stage.rtmpPublishUrl("show", "slot-4", oldSecret));

		for (Process refused : List.of(wrongKey, disabledSlot, oldKey)) {
			assertThat(refused.waitFor(30, TimeUnit.SECONDS)).as("OME drops a refused publisher").isTrue();
			assertThat(refused.exitValue()).isNotZero();
		}
		assertThat(this.stage.ome().streams("show")).doesNotContain("slot-2", "slot-3", "slot-4");
	}

	@Test
	@Order(3)
	void rtmpIsServedUnderLocalhostAsWellAsTheLoopbackAddress() throws Exception {
		String secret = slot("slot-5").getPublishSecret().value();
		String url = "rtmp://localhost:" + this.stage.ome().ports().rtmp() + "/show/slot-5?key=" + secret;
		Process ffmpeg = this.stage.publishRtmp(url);
		awaitListed("slot-5");
		assertThat(ffmpeg.isAlive()).isTrue();
		ffmpeg.destroy();
		assertThat(ffmpeg.waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	@Order(4)
	void aPublisherKilledWithoutClosingIsTakenOffAirFromOmesStreamList() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		Slot slot = slot("slot-6");
		Process ffmpeg = this.stage
			.publishRtmp(this.stage.rtmpPublishUrl("show", "slot-6", slot.getPublishSecret().value()));
		awaitListed("slot-6");
		ffmpeg.destroyForcibly();
		String slotPage = base() + "/apps/" + this.show.getId() + "/slots/" + slot.getId();
		// OME's own closing call or, if it is lost, the reconciler's round (10 s) ends
		// it.
		await("slot-6 goes off air").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			browser.get(slotPage);
			return browser.findElements(By.id("slot-live")).isEmpty();
		});
		assertThat(browser.findElement(By.id("sessions")).getText()).contains("RTMP");
	}

	private void awaitListed(String slot) {
		await(slot + " listed by OME").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(
					() -> assertThat(this.stage.ome().streams("show")).as(this.stage.ome().log()).contains(slot));
	}

	static void awaitFramesDecoded(WebDriver browser, String page) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		String frames = "var v = document.querySelector('video');"
				+ "return v ? v.getVideoPlaybackQuality().totalVideoFrames : -1;";
		await(page + " decodes frames").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> ((Number) js.executeScript(frames)).longValue() > 0);
		long first = ((Number) js.executeScript(frames)).longValue();
		await(page + " keeps decoding").atMost(Duration.ofSeconds(10))
			.until(() -> ((Number) js.executeScript(frames)).longValue() > first + 10);
	}

	private Slot slot(String name) {
		return this.stage.bean(StreamCatalog.class).findSlot("show", name).orElseThrow();
	}

	private String base() {
		return this.stage.greenroom().baseUrl();
	}

}
