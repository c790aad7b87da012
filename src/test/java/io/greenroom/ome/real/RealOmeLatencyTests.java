package io.greenroom.ome.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.greenroom.browser.Chromium;
import io.greenroom.layout.Fit;
import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutBox;
import io.greenroom.layout.LayoutDraft;
import io.greenroom.layout.Layouts;
import io.greenroom.publish.PublishEndpoints;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import io.greenroom.stream.SlotDraft;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Glass to glass through a real OME: the latency meter sends the clock from the browser
 * over WHIP and plays it back with OvenPlayer over WebRTC, first on one slot's meter,
 * then on the all-slots page with two slots at once, then on a layout page beside a bare
 * OvenPlayer on the same stream. Publisher and player share the browser's clock, so no
 * correction is involved. The figures are written to {@code target/real-ome-latency.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealOmeLatencyTests {

	private static final String PASSWORD = "real-ome-latency-password";

	/** Frames decoded before the figures are read: about 10 s at 30 fps. */
	private static final int FRAMES = 300;

	/**
	 * Draws the clock on a canvas of this page and sends it to arguments[0]'s WHIP URL
	 * (asked of Greenroom as the meter page asks), with the page's own scripts.
	 */
	private static final String SEND_CLOCK = """
			const whipTarget = arguments[0], done = arguments[arguments.length - 1];
			const load = (src) => new Promise((resolve, reject) => {
			  const script = document.createElement('script');
			  script.src = src; script.onload = resolve; script.onerror = reject;
			  document.head.appendChild(script);
			});
			(async () => {
			  try {
			    if (!window.GreenroomClock) { await load('/js/whip-publisher.js'); await load('/js/clock.js'); }
			    const canvas = document.createElement('canvas');
			    canvas.width = 640; canvas.height = 360;
			    canvas.style.cssText = 'position:fixed;left:0;bottom:0;width:160px';
			    document.body.appendChild(canvas);
			    GreenroomClock.start(canvas, {clock: null});
			    const target = await (await fetch(whipTarget, {cache: 'no-store'})).json();
			    const sent = await GreenroomClock.publishTo(canvas.captureStream(30), target.url);
			    (window.sent = window.sent || []).push(sent);
			    done('sending');
			  } catch (e) {
			    done('failed: ' + e);
			  }
			})();
			""";

	/** Adds the clock, WHIP and meter scripts to a page that does not have them. */
	private static final String LOAD_METER = """
			const done = arguments[arguments.length - 1];
			const load = (src) => new Promise((resolve, reject) => {
			  const script = document.createElement('script');
			  script.src = src; script.onload = resolve; script.onerror = reject;
			  document.head.appendChild(script);
			});
			(async () => {
			  for (const src of ['/js/clock-code.js', '/js/latency-meter.js', '/js/whip-publisher.js', '/js/clock.js']) {
			    await load(src);
			  }
			  done('loaded');
			})().catch((e) => done('failed: ' + e));
			""";

	@TempDir
	static Path work;

	private OmeStage stage;

	private Chromium chromium;

	private final StringBuilder figures = new StringBuilder();

	@BeforeAll
	void start() throws Exception {
		this.stage = OmeStage.start(work, (catalog) -> {
			App show = catalog.createApp("show");
			for (String slot : List.of("slot-1", "slot-2", "slot-3")) {
				catalog.createSlot(show.getId(), new SlotDraft(slot, "Racer " + slot.substring(5), 2500, true));
			}
		}, Map.of(), "greenroom.admin.password=" + PASSWORD);
		App show = this.stage.bean(StreamCatalog.class).findAppByName("show").orElseThrow();
		Slot third = this.stage.bean(StreamCatalog.class).findSlot("show", "slot-3").orElseThrow();
		Layouts layouts = this.stage.bean(Layouts.class);
		Layout main = layouts.create(show.getId(), "main");
		layouts.save(show.getId(), main.getId(), new LayoutDraft("main", 640, 360, null, true,
				List.of(new LayoutBox(third.getId(), 0, 0, 640, 360, 0, Fit.CONTAIN, 100, true, null))));
		this.chromium = Chromium.start(1280, 900, "--autoplay-policy=no-user-gesture-required");
		ChromeDriver browser = this.chromium.driver();
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		browser.get(base() + "/login");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
	}

	@AfterAll
	void stop() throws Exception {
		if (this.figures.length() > 0) {
			Files.writeString(Path.of("target", "real-ome-latency.txt"), this.figures);
		}
		OmeStage.close(this.chromium, this.stage);
	}

	@Test
	@Order(1)
	void theMeterSendsTheClockThroughOmeAndReadsItBackWellUnderASecond() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(base() + "/tools/latency/show/slot-1");
		new Select(browser.findElement(By.id("send-size"))).selectByValue("640x360");
		browser.findElement(By.id("send")).click();
		await("the meter decodes " + FRAMES + " frames").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> number(summary("return window.greenroomMeter.summary()").get("decoded")) >= FRAMES);
		Map<String, Object> summary = summary("return window.greenroomMeter.summary()");
		assertThat(browser.findElement(By.id("send-status")).getText()).startsWith("Sending the clock");
		assertThat(number(summary.get("median"))).as("median, ms").isPositive().isLessThan(1000);
		assertThat(number(summary.get("p95"))).as("p95, ms").isLessThan(1000);
		assertThat(number(summary.get("garbled"))).as("garbled frames").isZero();
		assertThat(browser.findElement(By.id("accuracy")).getText()).isEqualTo("Same machine: no correction needed.");
		record("one slot's meter, 640x360 clock sent from the same browser", summary);
		browser.findElement(By.id("send-stop")).click();
	}

	@Test
	@Order(2)
	void theAllSlotsPageMetersEveryLiveSlotAtOnce() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(base() + "/tools/latency/show");
		assertThat(browser.findElement(By.cssSelector("#row-slot-3 [data-field=status]")).getText())
			.isEqualTo("Off air");
		JavascriptExecutor js = browser;
		for (String slot : List.of("slot-1", "slot-2")) {
			assertThat(js.executeAsyncScript(SEND_CLOCK, "/tools/latency/show/" + slot + "/whip")).isEqualTo("sending");
		}
		for (String slot : List.of("slot-1", "slot-2")) {
			await(slot + " decodes " + FRAMES + " frames").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> number(
						summary("return window.greenroomMeters['" + slot + "'].summary()").get("decoded")) >= FRAMES);
		}
		for (String slot : List.of("slot-1", "slot-2")) {
			Map<String, Object> summary = summary("return window.greenroomMeters['" + slot + "'].summary()");
			assertThat(number(summary.get("median"))).as(slot + " median, ms").isPositive().isLessThan(1000);
			assertThat(number(summary.get("garbled"))).as(slot + " garbled frames").isZero();
			String row = "#row-" + slot + " ";
			assertThat(browser.findElement(By.cssSelector(row + "[data-field=status]")).getText())
				.isEqualTo("Measuring");
			assertThat(browser.findElement(By.cssSelector(row + "[data-field=median]")).getText()).endsWith(" ms");
			record("all-slots page, " + slot + " of two sent and played in one browser", summary);
		}
		assertThat(browser.findElement(By.cssSelector("#row-slot-3 [data-field=status]")).getText())
			.isEqualTo("Off air");
		assertThat(browser.findElement(By.cssSelector("#row-slot-3 [data-field=median]")).getText()).isEqualTo("–");
	}

	/**
	 * On the layout page (the OBS source), sends the clock to slot-3 and meters the
	 * layout's own player and, once the stream plays, a bare OvenPlayer with its defaults
	 * on the same stream, side by side in the same page: the difference is what
	 * Greenroom's page adds.
	 */
	@Test
	@Order(3)
	void theLayoutPageAddsNothingOverABareOvenPlayer() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(base() + "/layout/show/main");
		JavascriptExecutor js = browser;
		assertThat(js.executeAsyncScript(LOAD_METER)).isEqualTo("loaded");
		assertThat(js.executeAsyncScript(SEND_CLOCK, "/tools/latency/show/slot-3/whip")).isEqualTo("sending");
		js.executeScript("""
				window.layoutMeter = new GreenroomMeter.Meter({});
				setInterval(function () {
				  var video = Array.from(document.querySelectorAll('video')).find((v) => !v.closest('#bare'));
				  if (video) { window.layoutMeter.attach(video); }
				}, 200);
				""");
		await("the layout page plays the clock").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> number(summary("return window.layoutMeter.summary()").get("decoded")) >= 30);
		String source = this.stage.bean(PublishEndpoints.class)
			.playUrl(this.stage.bean(PublishEndpoints.class).nextViewerHost(), "show", "slot-3");
		js.executeScript(
				"""
						var box = document.createElement('div');
						box.id = 'bare';
						box.style.cssText = 'position:fixed;right:0;top:0;width:320px;height:180px';
						document.body.appendChild(box);
						OvenPlayer.create('bare', {sources: [{type: 'webrtc', file: arguments[0]}], autoStart: true, mute: true});
						window.bareMeter = new GreenroomMeter.Meter({});
						setInterval(function () {
						  var video = document.querySelector('#bare video');
						  if (video) { window.bareMeter.attach(video); }
						}, 200);
						window.layoutMeter.reset();
						""",
				source);
		await("both players decode " + FRAMES + " frames").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> number(summary("return window.bareMeter.summary()").get("decoded")) >= FRAMES
					&& number(summary("return window.layoutMeter.summary()").get("decoded")) >= FRAMES);
		Map<String, Object> layout = summary("return window.layoutMeter.summary()");
		Map<String, Object> bare = summary("return window.bareMeter.summary()");
		record("layout page (players.js), slot-3 sent from the same page", layout);
		record("bare OvenPlayer with its defaults, same page, same stream", bare);
		assertThat(number(layout.get("median"))).as("layout page median, ms").isPositive().isLessThan(1000);
		assertThat(number(bare.get("median"))).as("bare OvenPlayer median, ms").isPositive().isLessThan(1000);
		// Both read at once in one page: what the layout page adds shows as a difference.
		assertThat(number(layout.get("median")) - number(bare.get("median"))).as("layout minus bare, ms")
			.isLessThan(100);
	}

	private void record(String what, Map<String, Object> summary) {
		this.figures.append(String.format(
				"%s, %s: median %.0f ms, p95 %.0f ms, min %.0f, max %.0f, %s frames decoded, "
						+ "%s without a clock, %s garbled, reading %.2f ms a frame%n",
				LocalDate.now(), what, number(summary.get("median")), number(summary.get("p95")),
				number(summary.get("min")), number(summary.get("max")), summary.get("decoded"), summary.get("failures"),
				summary.get("garbled"), number(summary.get("readMsMean"))));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> summary(String script) {
		return (Map<String, Object>) this.chromium.driver().executeScript(script);
	}

	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : Double.NaN;
	}

	private String base() {
		return this.stage.greenroom().baseUrl();
	}

}
