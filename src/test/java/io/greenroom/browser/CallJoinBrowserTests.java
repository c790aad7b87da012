package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.call.CallSeats;
import io.greenroom.call.ParticipantLinks;
import io.greenroom.ome.OmeSecrets;
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
 * Two people join an app's call from two separate headless Chromium instances with the
 * fake camera. Each page publishes over WHIP to a stand-in endpoint on loopback (answered
 * by a second RTCPeerConnection in the joiner's own browser), and the test then tells
 * Greenroom what OME would: a signed admission webhook for the WHIP session opening or
 * closing. The call grid's players dial the same stand-in, which never answers them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallJoinBrowserTests {

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

	@TempDir
	static Path data;

	private WhipStandIn whip;

	private GreenroomInstance greenroom;

	private OmeWebhook ome;

	private StreamCatalog catalog;

	private App room;

	private Chromium ada;

	private Chromium bob;

	private int nextPort = 46000;

	@BeforeAll
	void start() throws Exception {
		this.whip = new WhipStandIn();
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.public.host=127.0.0.1",
				"greenroom.public.tls-proxy=false", "greenroom.public.signalling-port=" + this.whip.port());
		this.catalog = this.greenroom.bean(StreamCatalog.class);
		this.room = this.catalog.createApp("room");
		for (int i = 1; i <= 3; i++) {
			this.catalog.createSlot(this.room.getId(), new SlotDraft("slot-" + i, "Seat " + i, 1500, true));
		}
		this.ome = new OmeWebhook(this.greenroom.baseUrl(), this.greenroom.bean(OmeSecrets.class).admissionSecretKey());
		this.ada = Chromium.start(390, 844, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
		this.bob = Chromium.start(1024, 640, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
		this.ada.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		this.bob.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
	}

	@AfterAll
	void stop() throws Exception {
		this.ada.close();
		this.bob.close();
		this.greenroom.close();
		this.whip.close();
	}

	@Test
	void twoParticipantsJoinSeeEachOthersTileAndLeavingRemovesItAndFreesTheSeat() throws Exception {
		int obsPort = openOverRtmp("slot-1");
		String link = this.greenroom.baseUrl() + this.greenroom.bean(ParticipantLinks.class).path(this.room);
		ChromeDriver adaPage = this.ada.driver();
		ChromeDriver bobPage = this.bob.driver();

		adaPage.get(link);
		waitForText(adaPage, By.id("join-state"), "2 seats free.");
		int adaPort = join(adaPage, "Ada", "slot-2", 1);
		waitForText(adaPage, By.cssSelector(".tile[data-slot=slot-1] .label"), "Seat 1");
		assertThat(adaPage.findElement(By.cssSelector("#self .label")).getText()).isEqualTo("Ada (you)");

		bobPage.get(link);
		waitForText(bobPage, By.id("join-state"), "1 seat free.");
		int bobPort = join(bobPage, "Bob", "slot-3", 2);

		waitForText(bobPage, By.cssSelector(".tile[data-slot=slot-2] .label"), "Ada");
		waitForText(adaPage, By.cssSelector(".tile[data-slot=slot-3] .label"), "Bob");
		assertThat(adaPage.findElements(By.cssSelector(".tile[data-slot=slot-2]"))).as("no player for oneself")
			.isEmpty();
		assertThat(bobPage.findElements(By.cssSelector(".tile[data-slot=slot-3]"))).isEmpty();
		assertThat(tiles(adaPage)).hasSize(3);
		assertGridEndsAboveTheJoinBar(adaPage);
		assertGridEndsAboveTheJoinBar(bobPage);
		this.ada.screenshot("call-joined-phone");
		this.bob.screenshot("call-joined");

		adaPage.findElement(By.id("leave-button")).click();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.whip.deletes().contains("/whip/resource/1"));
		waitForText(adaPage, By.id("join-state"), "You left the call.");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !this.greenroom.bean(CallSeats.class).names("room").containsKey("slot-2"));
		assertThat(adaPage.findElements(By.id("self"))).isEmpty();
		close("slot-2", adaPort, true);
		new WebDriverWait(bobPage, Duration.ofSeconds(10))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".tile[data-slot=slot-2]"), 0));
		waitForText(adaPage, By.id("join-button"), "Join");

		bobPage.get("about:blank");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.whip.deletes().contains("/whip/resource/2"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.greenroom.bean(CallSeats.class).names("room").isEmpty());
		close("slot-3", bobPort, true);
		close("slot-1", obsPort, false);
	}

	@Test
	void sayWhenEverySeatIsTakenAndAReplacedLinkNoLongerJoins() throws Exception {
		App full = this.catalog.createApp("full");
		this.catalog.createSlot(full.getId(), new SlotDraft("slot-1", "Seat 1", 1500, false));
		ParticipantLinks links = this.greenroom.bean(ParticipantLinks.class);
		String old = this.greenroom.baseUrl() + links.path(full);
		ChromeDriver page = this.ada.driver();
		page.get(old);
		waitForText(page, By.id("join-state"), "Every seat is taken right now.");
		page.findElement(By.id("join-name")).clear();
		page.findElement(By.id("join-name")).sendKeys("Cy");
		page.findElement(By.id("join-button")).click();
		waitForText(page, By.id("join-state"), "Every seat of this call is taken");
		assertThat(page.findElement(By.id("join-button")).isDisplayed()).isTrue();

		this.catalog.rotateParticipantLink(full.getId());
		page.get(old);
		waitForText(page, By.id("join-state"), "This participant link is no longer valid.");
		assertThat(page.findElement(By.id("join-button")).isEnabled()).isFalse();
		page.get(this.greenroom.baseUrl() + "/call/full");
		assertThat(page.findElement(By.id("join")).isDisplayed()).as("no Join without a participant link").isFalse();
	}

	/**
	 * Joins under this name, answers the WHIP offer, and tells Greenroom the slot opened.
	 */
	private int join(ChromeDriver page, String name, String slot, int session) throws Exception {
		this.whip.respondWith(201);
		page.findElement(By.id("join-name")).clear();
		page.findElement(By.id("join-name")).sendKeys(name);
		page.findElement(By.id("join-button")).click();
		WhipStandIn.Offer offer = this.whip.nextOffer(20);
		Slot taken = this.catalog.findSlot("room", slot).orElseThrow();
		assertThat(offer.path()).isEqualTo("/room/" + slot);
		assertThat(offer.query()).isEqualTo("direction=whip&key=" + taken.getPublishSecret().value());
		assertThat(page.getCurrentUrl()).doesNotContain(taken.getPublishSecret().value());
		assertThat(page.getPageSource()).doesNotContain(taken.getPublishSecret().value());
		String answer = (String) page.executeAsyncScript(ANSWERER, offer.sdp());
		assertThat(answer).startsWith("v=0");
		this.whip.answer(answer);
		waitForText(page, By.id("join-state"), "You are in the call as " + name + ".");
		int port = this.nextPort++;
		String url = "http://127.0.0.1:3333/room/" + slot + "?direction=whip&key=" + taken.getPublishSecret().value();
		assertThat(this.ome.send(OmeWebhook.opening("incoming", "WebRTC", url, "172.18.0.5", port, null, null)).body())
			.startsWith("{\"allowed\":true");
		return port;
	}

	private int openOverRtmp(String slot) throws Exception {
		int port = this.nextPort++;
		String secret = this.catalog.findSlot("room", slot).orElseThrow().getPublishSecret().value();
		String url = "rtmp://127.0.0.1:1935/room/" + slot + "?key=" + secret;
		assertThat(this.ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", port, null, null)).body())
			.startsWith("{\"allowed\":true");
		return port;
	}

	private void close(String slot, int port, boolean whip) throws Exception {
		String secret = this.catalog.findSlot("room", slot).orElseThrow().getPublishSecret().value();
		String url = whip ? "http://127.0.0.1:3333/room/" + slot + "?direction=whip&key=" + secret
				: "rtmp://127.0.0.1:1935/room/" + slot + "?key=" + secret;
		String newUrl = whip ? "http://127.0.0.1:3333/room/" + slot : "rtmp://127.0.0.1:1935/room/" + slot;
		this.ome.send(OmeWebhook.closing("incoming", whip ? "WebRTC" : "RTMP", url, newUrl, "172.18.0.5", port, null));
	}

	private static void assertGridEndsAboveTheJoinBar(ChromeDriver page) {
		Number gap = (Number) page.executeScript("return document.getElementById('join').getBoundingClientRect().top"
				+ " - document.getElementById('grid').getBoundingClientRect().bottom");
		assertThat(gap.doubleValue()).as("the bar covers no tile").isGreaterThanOrEqualTo(0);
	}

	private static List<String> tiles(ChromeDriver page) {
		return page.findElements(By.cssSelector("#grid .tile")).stream().map((tile) -> tile.getText()).toList();
	}

	private static void waitForText(ChromeDriver page, By target, String text) {
		new WebDriverWait(page, Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBePresentInElementLocated(target, text));
	}

}
