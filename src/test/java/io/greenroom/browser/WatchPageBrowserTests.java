package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.admission.ViewerTokens;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-player page in real headless Chromium: OvenPlayer comes from Greenroom
 * itself, is pointed at the slot's signalling URL, and private apps need a viewer link.
 * Signalling points at a silent stand-in on loopback, so the player never leaves this
 * machine and no video plays: the tests stop at which player exists and what it dials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchPageBrowserTests {

	@TempDir
	static Path data;

	private GreenroomInstance greenroom;

	private Chromium chromium;

	private SilentSignalling signalling;

	private int signallingPort;

	private String slot1Secret;

	private String slot2Secret;

	private String aliceSecret;

	@BeforeAll
	void start() throws Exception {
		this.signalling = new SilentSignalling();
		this.signallingPort = this.signalling.port();
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.public.host=127.0.0.1",
				"greenroom.public.tls-proxy=false", "greenroom.public.signalling-port=" + this.signallingPort);
		StreamCatalog catalog = this.greenroom.bean(StreamCatalog.class);
		App show = catalog.createApp("show");
		this.slot1Secret = catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true))
			.getPublishSecret()
			.value();
		this.slot2Secret = catalog.createSlot(show.getId(), new SlotDraft("slot-2", "Racer 2", 2500, true))
			.getPublishSecret()
			.value();
		App call = catalog.createApp("call");
		catalog.updateAccessPolicy(call.getId(), new AccessPolicy(true, DuplicatePublisher.DENY));
		this.aliceSecret = catalog.createSlot(call.getId(), new SlotDraft("alice", "Alice", 2500, true))
			.getPublishSecret()
			.value();
		this.chromium = Chromium.start(390, 844);
	}

	@AfterAll
	void stop() throws Exception {
		this.chromium.close();
		this.greenroom.close();
		this.signalling.close();
	}

	@Test
	void createsThePlayerWhenTheSlotGoesLiveAndRemovesItWhenItDropsWithoutRealVideo() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/watch/show/slot-1");
		assertThat(browser.getTitle()).isEqualTo("Racer 1 · show");
		assertThat(browser.findElement(By.id("offline")).getText()).contains("Racer 1 is offline");
		assertThat(js(browser).executeScript(SOURCE, "slot-1")).isNull();

		String url = "rtmp://127.0.0.1:1935/show/slot-1?key=" + this.slot1Secret;
		OmeWebhook ome = new OmeWebhook(this.greenroom.baseUrl(),
				this.greenroom.bean(io.greenroom.ome.OmeSecrets.class).admissionSecretKey());
		for (int round = 1; round <= 2; round++) {
			int port = 41000 + round;
			assertThat(ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", port, null, null)).body())
				.startsWith("{\"allowed\":true");
			String source = (String) new WebDriverWait(browser, Duration.ofSeconds(2))
				.until((driver) -> js(driver).executeScript(SOURCE, "slot-1"));
			assertThat(source).isEqualTo("ws://127.0.0.1:" + this.signallingPort + "/show/slot-1");
			assertThat(browser.findElement(By.id("offline")).isDisplayed()).isFalse();
			ome.send(OmeWebhook.closing("incoming", "RTMP", url, "rtmp://127.0.0.1:1935/show/slot-1", "172.18.0.5",
					port, null));
			new WebDriverWait(browser, Duration.ofSeconds(2))
				.until((driver) -> driver.findElement(By.id("offline")).isDisplayed());
			assertThat(js(browser).executeScript(SOURCE, "slot-1")).isNull();
			assertThat(browser.findElements(By.cssSelector(".player"))).isEmpty();
		}
	}

	@Test
	void pointsAPublicSlotsPlayerAtItsSourceWithOvenPlayerServedByGreenroomWithoutRealVideo() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		String url = "rtmp://127.0.0.1:1935/show/slot-2?key=" + this.slot2Secret;
		OmeWebhook ome = new OmeWebhook(this.greenroom.baseUrl(),
				this.greenroom.bean(io.greenroom.ome.OmeSecrets.class).admissionSecretKey());
		ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", 42001, null, null));
		browser.get(this.greenroom.baseUrl() + "/watch/show/slot-2");
		String source = (String) new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((driver) -> js(driver).executeScript(SOURCE, "slot-2"));
		assertThat(source).isEqualTo("ws://127.0.0.1:" + this.signallingPort + "/show/slot-2");
		@SuppressWarnings("unchecked")
		List<String> resources = (List<String>) js(browser)
			.executeScript("return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
		assertThat(resources).anyMatch((resource) -> resource.endsWith("/vendor/ovenplayer/ovenplayer.js"))
			.allMatch((resource) -> resource.startsWith(this.greenroom.baseUrl()) || resource.contains("/live/show")
					|| resource.startsWith("ws://127.0.0.1"));
		this.chromium.screenshot("watch-phone");
	}

	@Test
	void explainsThatAPrivateSlotNeedsAViewerLink() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/watch/call/alice");
		assertThat(browser.findElement(By.cssSelector("#private h1")).getText()).isEqualTo("This stream is private");
		assertThat(js(browser).executeScript("return typeof OvenPlayer")).isEqualTo("undefined");
		browser.get(this.greenroom.baseUrl() + "/watch/call/alice?token=v1.call.*.4102444800.forged");
		assertThat(browser.findElement(By.id("private")).getText()).contains("expired or is not valid");
	}

	@Test
	void pointsAPrivateSlotsPlayerAtItsSourceWithTheViewerTokenWithoutRealVideo() throws Exception {
		String token = this.greenroom.bean(ViewerTokens.class).issue("call", "*", Instant.now().plusSeconds(600));
		new OmeWebhook(this.greenroom.baseUrl(),
				this.greenroom.bean(io.greenroom.ome.OmeSecrets.class).admissionSecretKey())
			.send(OmeWebhook.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/call/alice?key=" + this.aliceSecret,
					"172.18.0.5", 43001, null, null));
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/watch/call/alice?token=" + token);
		String source = (String) new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((driver) -> js(driver).executeScript(SOURCE, "alice"));
		assertThat(source).isEqualTo("ws://127.0.0.1:" + this.signallingPort + "/call/alice?token=" + token);
	}

	@Test
	void answers404ForAnUnknownSlot() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/watch/show/nobody");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
	}

	/** The source of the slot's player, or null when the page has none. */
	static final String SOURCE = "var p = window.greenroomPlayers[arguments[0]]; return p ? p.getSources()[0].file : null";

	private static JavascriptExecutor js(Object driver) {
		return (JavascriptExecutor) driver;
	}

}
