package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock page and the latency meter in real headless Chromium, with no media server:
 * the clock page's own canvas is sent through a pair of {@code RTCPeerConnection}s inside
 * the page (capture, VP8 encoding, DTLS-SRTP over loopback, decoding) and the meter reads
 * every decoded frame. That is the floor a producer's figure can be compared with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatencyMeterBrowserTests {

	private static final String PASSWORD = "latency-meter-test-password";

	/** Seconds of loopback video measured after the first decoded frame. */
	private static final int LOOPBACK_SECONDS = 20;

	/**
	 * Sends the clock page's canvas through two peer connections into a video element and
	 * meters it; calls back with the meter's summary.
	 */
	private static final String LOOPBACK = """
			var done = arguments[arguments.length - 1];
			var seconds = arguments[0];
			var stream = document.getElementById('clock').captureStream(30);
			var sender = new RTCPeerConnection();
			var receiver = new RTCPeerConnection();
			sender.onicecandidate = function (e) { if (e.candidate) { receiver.addIceCandidate(e.candidate); } };
			receiver.onicecandidate = function (e) { if (e.candidate) { sender.addIceCandidate(e.candidate); } };
			var video = document.createElement('video');
			video.muted = true;
			video.autoplay = true;
			video.playsInline = true;
			video.style.cssText = 'position:fixed;right:0;bottom:0;width:320px;height:180px';
			document.body.appendChild(video);
			receiver.ontrack = function (e) { video.srcObject = new MediaStream([e.track]); video.play(); };
			stream.getTracks().forEach(function (track) { sender.addTrack(track, stream); });
			var meter = new GreenroomMeter.Meter({});
			meter.attach(video);
			sender.createOffer()
			  .then(function (offer) { return sender.setLocalDescription(offer); })
			  .then(function () { return receiver.setRemoteDescription(sender.localDescription); })
			  .then(function () { return receiver.createAnswer(); })
			  .then(function (answer) { return receiver.setLocalDescription(answer); })
			  .then(function () { return sender.setRemoteDescription(receiver.localDescription); })
			  .catch(function (error) { done({ error: String(error) }); });
			var waited = 0;
			var poll = setInterval(function () {
			  waited++;
			  if (meter.frames === 0 && waited < 100) { return; }
			  clearInterval(poll);
			  setTimeout(function () {
			    var summary = meter.summary();
			    summary.values = meter.stats.values.length;
			    summary.usesFrameCallback = meter.reader.usesFrameCallback;
			    sender.close();
			    receiver.close();
			    done(summary);
			  }, seconds * 1000);
			}, 100);
			""";

	@TempDir
	static Path data;

	private GreenroomInstance greenroom;

	private Chromium chromium;

	private SilentSignalling signalling;

	private String aliceSecret;

	@BeforeAll
	void start() throws Exception {
		this.signalling = new SilentSignalling();
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.public.host=127.0.0.1",
				"greenroom.public.tls-proxy=false", "greenroom.admin.password=" + PASSWORD,
				"greenroom.public.signalling-port=" + this.signalling.port());
		StreamCatalog catalog = this.greenroom.bean(StreamCatalog.class);
		App call = catalog.createApp("call");
		catalog.updateAccessPolicy(call.getId(), new AccessPolicy(true, DuplicatePublisher.DENY));
		this.aliceSecret = catalog.createSlot(call.getId(), new SlotDraft("alice", "Alice", 2500, true))
			.getPublishSecret()
			.value();
		this.chromium = Chromium.start(1280, 900);
	}

	@AfterAll
	void stop() throws Exception {
		this.chromium.close();
		this.greenroom.close();
		this.signalling.close();
	}

	@Test
	void clockPageIsOpenToAnyoneAndDrawsGreenroomsTime() {
		ChromeDriver browser = this.chromium.driver();
		browser.manage().deleteAllCookies();
		browser.get(this.greenroom.baseUrl() + "/tools/clock?w=640&h=360");
		assertThat(browser.getCurrentUrl()).endsWith("/tools/clock?w=640&h=360");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((driver) -> js(driver).executeScript("return window.greenroomClockOffset || null") != null);
		@SuppressWarnings("unchecked")
		Map<String, Object> read = (Map<String, Object>) asyncScript(browser, """
				var done = arguments[arguments.length - 1];
				requestAnimationFrame(function () {
				  var canvas = document.getElementById('clock');
				  var copy = document.createElement('canvas');
				  copy.width = 320; copy.height = 180;
				  var ctx = copy.getContext('2d', { willReadFrequently: true });
				  ctx.drawImage(canvas, 0, 0, 320, 180);
				  var result = GreenroomClockCode.decode(ctx.getImageData(0, 0, 320, 180));
				  var offset = window.greenroomClockOffset;
				  result.greenroomNow = Date.now() + offset.offset;
				  result.uncertainty = offset.uncertainty;
				  done(result);
				});
				""");
		assertThat(read).containsEntry("status", "ok").containsEntry("synced", true);
		long drawn = ((Number) read.get("time")).longValue();
		double now = ((Number) read.get("greenroomNow")).doubleValue();
		assertThat(now - drawn).isBetween(-5.0, 500.0);
		assertThat(((Number) read.get("uncertainty")).doubleValue()).isLessThan(100.0);
		assertThat(browser.findElement(By.id("clock")).getDomAttribute("width")).isEqualTo("640");
	}

	@Test
	void loopbackThroughWebRtcReadsEveryFrameInUnderOneSecond() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/tools/clock?w=1280&h=720&sync=false");
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(LOOPBACK_SECONDS + 30));
		@SuppressWarnings("unchecked")
		Map<String, Object> summary = (Map<String, Object>) asyncScript(browser, LOOPBACK, LOOPBACK_SECONDS);
		System.out.println("Loopback (capture -> WebRTC -> decode, no media server): " + summary);
		assertThat(summary).doesNotContainKey("error");
		assertThat(summary).containsEntry("failures", 0L).containsEntry("synced", false);
		long decoded = ((Number) summary.get("decoded")).longValue();
		assertThat(decoded).isGreaterThan(LOOPBACK_SECONDS * 2L);
		assertThat(((Number) summary.get("garbled")).longValue()).isLessThanOrEqualTo(decoded / 50);
		assertThat(((Number) summary.get("median")).doubleValue()).isBetween(0.0, 1000.0);
		assertThat(((Number) summary.get("p95")).doubleValue()).isBetween(0.0, 1000.0);
	}

	@Test
	void meterPageNeedsTheLoginThenMeasuresGreenroomsTime() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.manage().deleteAllCookies();
		browser.get(this.greenroom.baseUrl() + "/tools/latency/call/alice");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
		assertThat(browser.getCurrentUrl()).matches(".*/tools/latency/call/alice(\\?continue)?$");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Latency · Alice alice");
		assertThat(browser.findElement(By.id("offline")).getText()).isEqualTo("Waiting for the slot to go live.");
		String accuracy = new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> {
			String text = driver.findElement(By.id("accuracy")).getText();
			return text.startsWith("This browser is within") ? text : null;
		});
		assertThat(accuracy).matches("This browser is within ± \\d+ ms of Greenroom's time\\.");
		assertThat(browser.findElement(By.id("median")).getText()).isEqualTo("–");
		assertThat(browser.findElement(By.id("failures")).getText()).isEqualTo("0");

		// Live: the player dials the slot with the page's own viewer link; comparing
		// settings restarts it over OME's TCP relay.
		new OmeWebhook(this.greenroom.baseUrl(), this.greenroom.bean(OmeSecrets.class).admissionSecretKey())
			.send(OmeWebhook.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/call/alice?key=" + this.aliceSecret,
					"172.18.0.5", 44001, null, null));
		String source = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((driver) -> (String) js(driver).executeScript(WatchPageBrowserTests.SOURCE, "alice"));
		assertThat(source).matches("ws://127\\.0\\.0\\.1:" + this.signalling.port() + "/call/alice\\?token=v1\\..+");
		new Select(browser.findElement(By.id("transport"))).selectByValue("tcp");
		String relayed = new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> {
			String file = (String) js(driver).executeScript(WatchPageBrowserTests.SOURCE, "alice");
			return (file != null && file.endsWith("&transport=tcp")) ? file : null;
		});
		assertThat(relayed).isEqualTo(source + "&transport=tcp");
	}

	private static Object asyncScript(Object driver, String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
	}

	private static JavascriptExecutor js(Object driver) {
		return (JavascriptExecutor) driver;
	}

}
