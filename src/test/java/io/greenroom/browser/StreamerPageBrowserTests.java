package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenroom.GreenroomInstance;
import io.greenroom.handoff.StreamerLinks;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The streamer page in real headless Chromium with its fake camera and microphone: going
 * live from the browser publishes over WHIP to a stand-in endpoint on loopback, which
 * checks the offer and answers with an SDP answer made by a second RTCPeerConnection in
 * the same browser, so the media connection really comes up without a media server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamerPageBrowserTests {

	/** Makes the answer to {@code arguments[0]} with a second peer connection. */
	private static final String ANSWERER = """
			var offer = arguments[0], done = arguments[arguments.length - 1];
			var pc = new RTCPeerConnection();
			window.testAnswerer = pc;
			pc.setRemoteDescription({ type: 'offer', sdp: offer })
			  .then(function () { return pc.createAnswer(); })
			  .then(function (answer) { return pc.setLocalDescription(answer); })
			  .then(function () {
			    return new Promise(function (resolve) {
			      if (pc.iceGatheringState === 'complete') { resolve(); return; }
			      pc.addEventListener('icegatheringstatechange', function () {
			        if (pc.iceGatheringState === 'complete') { resolve(); }
			      });
			      setTimeout(resolve, 3000);
			    });
			  })
			  .then(function () { done(pc.localDescription.sdp); }, function (e) { done('ERROR ' + e); });
			""";

	private static final Pattern VIDEO_LINE = Pattern.compile("(?m)^m=video \\d+ \\S+ (\\d+)");

	@TempDir
	static Path data;

	private GreenroomInstance greenroom;

	private Chromium chromium;

	private WhipStandIn whip;

	private StreamCatalog catalog;

	private App show;

	@BeforeAll
	void start() throws Exception {
		this.whip = new WhipStandIn();
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.public.host=127.0.0.1",
				"greenroom.public.tls-proxy=false", "greenroom.public.signalling-port=" + this.whip.port());
		this.catalog = this.greenroom.bean(StreamCatalog.class);
		this.show = this.catalog.createApp("show");
		this.chromium = Chromium.start(390, 844, "--use-fake-device-for-media-stream",
				"--use-fake-ui-for-media-stream");
		this.chromium.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
	}

	@AfterAll
	void stop() throws Exception {
		this.chromium.close();
		this.greenroom.close();
		this.whip.close();
	}

	@Test
	void goesLiveOverWhipWithH264SendonlyShowsConnectedAndStopSendsDelete() throws Exception {
		Slot slot = slot("slot-1");
		ChromeDriver browser = this.chromium.driver();
		browser.get(link(slot));
		assertThat(browser.getTitle()).isEqualTo("Go live: Racer slot-1");
		this.whip.respondWith(201);
		pickCameraAndGoLive(browser);

		WhipStandIn.Offer offer = this.whip.nextOffer(20);
		assertThat(offer.path()).isEqualTo("/show/slot-1");
		assertThat(offer.query()).isEqualTo("direction=whip&key=" + slot.getPublishSecret().value());
		assertThat(offer.contentType()).isEqualTo("application/sdp");
		assertThat(offer.sdp()).contains("m=audio").contains("m=video").doesNotContain("a=sendrecv");
		assertThat(offer.sdp().split("a=sendonly", -1)).hasSize(3);
		Matcher video = VIDEO_LINE.matcher(offer.sdp());
		assertThat(video.find()).isTrue();
		assertThat(offer.sdp()).as("H.264 is the first video codec offered")
			.containsPattern("a=rtpmap:" + video.group(1) + " H264/90000");

		String answer = (String) browser.executeAsyncScript(ANSWERER, offer.sdp());
		assertThat(answer).startsWith("v=0");
		this.whip.answer(answer);
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("publish-state"), "Connected: you are live."));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textMatches(By.id("publish-bitrate"), Pattern.compile("\\d+ kbit/s H264")));
		this.chromium.screenshot("streamer-live-phone");

		browser.findElement(By.id("stop")).click();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.whip.deletes().contains("/whip/resource/1"));
		assertThat(browser.findElement(By.id("publish-state")).getText()).isEqualTo("Stopped.");
		assertThat(browser.findElement(By.id("start")).isEnabled()).isTrue();
	}

	@Test
	void explainsARefusedSecret() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(link(slot("slot-2")));
		this.whip.respondWith(401);
		pickCameraAndGoLive(browser);
		this.whip.nextOffer(20);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-state"), "Refused (401)"));
		assertThat(browser.findElement(By.id("publish-state")).getText()).contains("Ask the producer for a new link");
		assertThat(browser.findElement(By.id("start")).isEnabled()).isTrue();
	}

	@Test
	void explainsThatSomeoneElseIsOnAir() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(link(slot("slot-3")));
		this.whip.respondWith(409);
		pickCameraAndGoLive(browser);
		this.whip.nextOffer(20);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
				By.id("publish-state"), "Someone else is already on air in this slot (409)"));
	}

	@Test
	void anOldLinkAfterRotationSaysItIsNoLongerValid() throws Exception {
		Slot slot = slot("slot-4");
		String old = link(slot);
		ChromeDriver browser = this.chromium.driver();
		browser.get(old);
		assertThat(browser.findElement(By.id("live-check")).getText()).isNotEmpty();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-check"), "Not live yet."));
		this.catalog.rotateSecret(this.show.getId(), slot.getId());
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-check"), "no longer valid"));
		browser.get(old);
		assertThat(browser.findElement(By.cssSelector("#link-invalid h1")).getText())
			.isEqualTo("This streamer link is no longer valid");
		assertThat(browser.findElement(By.id("link-invalid")).getText()).contains("Ask the producer for a new link.");
	}

	private void pickCameraAndGoLive(ChromeDriver browser) {
		browser.findElement(By.id("use-camera")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(By.id("start")));
		assertThat(browser.findElement(By.id("preview")).isDisplayed()).isTrue();
		browser.findElement(By.id("start")).click();
	}

	private Slot slot(String name) {
		return this.catalog.createSlot(this.show.getId(), new SlotDraft(name, "Racer " + name, 2500, true));
	}

	private String link(Slot slot) {
		return this.greenroom.baseUrl() + StreamerLinks.PATH + this.greenroom.bean(StreamerLinks.class).token(slot);
	}

}
