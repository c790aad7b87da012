package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.layout.Fit;
import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutBox;
import io.greenroom.layout.LayoutDraft;
import io.greenroom.layout.Layouts;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout and call pages in real headless Chromium. Players dial a silent stand-in for
 * OME's signalling on loopback, so no video plays: the tests assert which players exist,
 * what they dial, and where their boxes are, and stop short of pictures and sound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutPagesBrowserTests {

	private static final int WIDTH = 1280;

	private static final int HEIGHT = 720;

	@TempDir
	static Path data;

	private GreenroomInstance greenroom;

	private Chromium chromium;

	private SilentSignalling signalling;

	private OmeWebhook ome;

	private final Map<String, String> secrets = new HashMap<>();

	private final List<String> liveNow = new ArrayList<>();

	private int nextPort = 45000;

	private final List<Slot> racers = new ArrayList<>();

	@BeforeAll
	void start() throws Exception {
		this.signalling = new SilentSignalling();
		this.greenroom = GreenroomInstance.startWithH2File(data, "greenroom.public.host=127.0.0.1",
				"greenroom.public.tls-proxy=false", "greenroom.public.signalling-port=" + this.signalling.port());
		StreamCatalog catalog = this.greenroom.bean(StreamCatalog.class);
		Layouts layouts = this.greenroom.bean(Layouts.class);
		App show = catalog.createApp("show");
		List<Slot> racers = this.racers;
		for (int i = 1; i <= 5; i++) {
			Slot slot = catalog.createSlot(show.getId(), new SlotDraft("slot-" + i, "Racer " + i, 2500, true));
			this.secrets.put("show/slot-" + i, slot.getPublishSecret().value());
			racers.add(slot);
		}
		Layout main = layouts.create(show.getId(), "main");
		layouts.save(show.getId(), main.getId(), new LayoutDraft("main", WIDTH, HEIGHT, null, true,
				List.of(new LayoutBox(racers.get(0).getId(), 0, 0, 853, 480, 0, Fit.COVER, 100, false, "Racer One"),
						new LayoutBox(racers.get(1).getId(), 853, 0, 427, 240, 1, Fit.CONTAIN, 35, false, null),
						new LayoutBox(racers.get(2).getId(), 853, 240, 427, 240, 2, Fit.CONTAIN, 100, true, null),
						new LayoutBox(racers.get(3).getId(), 100, 500, 300, 169, 5, Fit.CONTAIN, 100, false, null))));
		App call = catalog.createApp("call");
		catalog.updateAccessPolicy(call.getId(), new AccessPolicy(true, DuplicatePublisher.DENY));
		Slot alice = catalog.createSlot(call.getId(), new SlotDraft("alice", "Alice", 2500, true));
		this.secrets.put("call/alice", alice.getPublishSecret().value());
		Layout stage = layouts.create(call.getId(), "stage");
		layouts.save(call.getId(), stage.getId(), new LayoutDraft("stage", WIDTH, HEIGHT, "#203040", false,
				List.of(new LayoutBox(alice.getId(), 0, 0, WIDTH, HEIGHT, 0, Fit.CONTAIN, 100, false, null))));
		App refused = catalog.createApp(SilentSignalling.REFUSED_APP);
		Slot bob = catalog.createSlot(refused.getId(), new SlotDraft("bob", "Bob", 2500, true));
		this.secrets.put(SilentSignalling.REFUSED_APP + "/bob", bob.getPublishSecret().value());
		this.ome = new OmeWebhook(this.greenroom.baseUrl(), this.greenroom.bean(OmeSecrets.class).admissionSecretKey());
		this.chromium = Chromium.start(WIDTH, HEIGHT);
		this.chromium.fitViewport(this.greenroom.baseUrl() + "/css/canvas.css", WIDTH, HEIGHT);
	}

	@AfterEach
	void dropEveryone() throws Exception {
		for (String entry : List.copyOf(this.liveNow)) {
			drop(entry.substring(0, entry.indexOf('@')));
		}
	}

	@AfterAll
	void stop() throws Exception {
		this.chromium.close();
		this.greenroom.close();
		this.signalling.close();
	}

	@Test
	void placesEveryBoxAtItsSavedPixelsOnATransparentCanvasWithoutScrollbars() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/layout/show/main");
		assertThat(browser.getTitle()).isEqualTo("main · show");
		assertThat(rect(browser, "slot-1")).containsExactly(0L, 0L, 853L, 480L);
		assertThat(rect(browser, "slot-2")).containsExactly(853L, 0L, 427L, 240L);
		assertThat(rect(browser, "slot-3")).containsExactly(853L, 240L, 427L, 240L);
		assertThat(rect(browser, "slot-4")).containsExactly(100L, 500L, 300L, 169L);
		assertThat(browser.findElements(By.cssSelector(".box[data-slot=slot-5]"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".box.cover")))
			.extracting((box) -> box.getDomAttribute("data-slot"))
			.containsExactly("slot-1");
		assertThat(js(browser).executeScript("return getComputedStyle(document.body).backgroundColor"))
			.isEqualTo("rgba(0, 0, 0, 0)");
		assertThat(js(browser).executeScript("return getComputedStyle(document.documentElement).backgroundColor"))
			.isEqualTo("rgba(0, 0, 0, 0)");
		assertThat(js(browser).executeScript("return getComputedStyle(document.body).cursor")).isEqualTo("none");
		assertThat(js(browser).executeScript("var e = document.documentElement; return [e.scrollWidth, "
				+ "e.scrollHeight, window.innerWidth - e.clientWidth, window.innerHeight - e.clientHeight]"))
			.isEqualTo(List.of((long) WIDTH, (long) HEIGHT, 0L, 0L));
		assertThat(js(browser).executeScript("return getComputedStyle(document.querySelector('.box')).zIndex"))
			.isEqualTo("0");
		// The layout chose offline cards: each shows its label or the slot's name.
		assertThat(browser.findElement(By.cssSelector(".box[data-slot=slot-1] .offline-card")).getText())
			.startsWith("Racer One");
		assertThat(browser.findElement(By.cssSelector(".box[data-slot=slot-2] .offline-card")).getText())
			.startsWith("Racer 2");
		this.chromium.screenshot("layout-offline");
	}

	@Test
	void createsEachSlotsPlayerWithin2sOfGoingLiveRemovesItOnDropAndCreatesItAgainWithoutRealVideo() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/layout/show/main");
		for (int round = 1; round <= 2; round++) {
			goLive("show/slot-2");
			String source = new WebDriverWait(browser, Duration.ofSeconds(2))
				.until((driver) -> (String) js(driver).executeScript(WatchPageBrowserTests.SOURCE, "slot-2"));
			assertThat(source).isEqualTo("ws://127.0.0.1:" + this.signalling.port() + "/show/slot-2");
			WebElement box = browser.findElement(By.cssSelector(".box[data-slot=slot-2]"));
			assertThat(box.findElements(By.cssSelector(".ovenplayer"))).hasSize(1);
			assertThat(js(browser).executeScript("var v = document.querySelector('.box[data-slot=slot-2] video');"
					+ " return v ? getComputedStyle(v).objectFit : 'no video element'"))
				.isEqualTo("contain");
			assertThat(box.findElement(By.cssSelector(".offline-card")).isDisplayed()).isFalse();
			// No controls for OBS, and the saved volume.
			assertThat(js(browser).executeScript("var p = window.greenroomPlayers['slot-2'];"
					+ " return [p.getConfig().controls, p.getVolume(), p.getMute()]"))
				.isEqualTo(List.of(false, 35L, false));
			assertThat(js(browser).executeScript(WatchPageBrowserTests.SOURCE, "slot-1")).isNull();

			drop("show/slot-2");
			new WebDriverWait(browser, Duration.ofSeconds(2))
				.until((driver) -> driver.findElement(By.cssSelector(".box[data-slot=slot-2] .offline-card"))
					.isDisplayed());
			assertThat(box.findElements(By.cssSelector(".ovenplayer"))).isEmpty();
			assertThat(js(browser).executeScript(WatchPageBrowserTests.SOURCE, "slot-2")).isNull();
		}
	}

	@Test
	void rearrangesInPlaceWhenTheProducerSavesKeepingRunningPlayersWithoutRealVideo() throws Exception {
		Layouts layouts = this.greenroom.bean(Layouts.class);
		Long app = this.racers.get(0).getApp().getId();
		Layout stage = layouts.create(app, "rearranged");
		layouts.save(app, stage.getId(), new LayoutDraft("rearranged", WIDTH, HEIGHT, null, false,
				List.of(box(0, 0, 0, 640, 360, 100), box(1, 640, 0, 640, 360, 100))));
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/layout/show/rearranged");
		goLive("show/slot-1");
		new WebDriverWait(browser, Duration.ofSeconds(2))
			.until((driver) -> js(driver).executeScript(WatchPageBrowserTests.SOURCE, "slot-1") != null);
		js(browser).executeScript("window.greenroomPlayers['slot-1'].keptByTest = true");

		layouts.save(app, stage.getId(), new LayoutDraft("rearranged", WIDTH, HEIGHT, "#000000", false,
				List.of(box(0, 100, 100, 800, 450, 40), box(2, 0, 560, 320, 160, 100))));
		new WebDriverWait(browser, Duration.ofSeconds(3))
			.until((driver) -> bounds(driver, ".box[data-slot=slot-1]").equals(List.of(100L, 100L, 800L, 450L)));
		assertThat(js(browser).executeScript("return window.greenroomPlayers['slot-1'].keptByTest === true"))
			.as("the same player, never restarted")
			.isEqualTo(true);
		assertThat(js(browser).executeScript("return window.greenroomPlayers['slot-1'].getVolume()")).isEqualTo(40L);
		assertThat(browser.findElements(By.cssSelector(".box[data-slot=slot-2]"))).isEmpty();
		assertThat(bounds(browser, ".box[data-slot=slot-3]")).containsExactly(0L, 560L, 320L, 160L);
		assertThat(js(browser).executeScript("return getComputedStyle(document.body).backgroundColor"))
			.isEqualTo("rgb(0, 0, 0)");
	}

	private LayoutBox box(int racer, int x, int y, int width, int height, int volume) {
		return new LayoutBox(this.racers.get(racer).getId(), x, y, width, height, 0, Fit.CONTAIN, volume, false, null);
	}

	@Test
	void mutesThePlayerOfASlotTheLayoutMutesWithoutRealAudio() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/layout/show/main");
		goLive("show/slot-3");
		new WebDriverWait(browser, Duration.ofSeconds(2))
			.until((driver) -> js(driver).executeScript(WatchPageBrowserTests.SOURCE, "slot-3") != null);
		assertThat(js(browser).executeScript("return window.greenroomPlayers['slot-3'].getMute()")).isEqualTo(true);
	}

	@Test
	void dialsAgainWhileTheSlotIsLiveWhenThePlayerFailsAndStopsWhenItDrops() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/watch/refused/bob");
		goLive("refused/bob");
		// The stand-in closes each attempt at once, as for a stream OME does not have
		// yet.
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until((driver) -> this.signalling.requests("/refused/bob") >= 3);
		drop("refused/bob");
		new WebDriverWait(browser, Duration.ofSeconds(2))
			.until((driver) -> driver.findElement(By.id("offline")).isDisplayed());
		// Proving that nothing happens needs a window: two of players.js's longest redial
		// pauses (1 s). Checked every 100 ms: no player comes back, and at most the one
		// attempt already under way when the drop arrived reaches the stand-in.
		long afterDrop = this.signalling.requests("/refused/bob");
		long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (System.nanoTime() < end) {
			assertThat(js(browser).executeScript(WatchPageBrowserTests.SOURCE, "bob")).isNull();
			assertThat(this.signalling.requests("/refused/bob")).isLessThanOrEqualTo(afterDrop + 1);
			Thread.sleep(100);
		}
	}

	@Test
	void callGridGrowsFromOneTileToFourAndBackLabellingEachTileWithoutRealVideo() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/call/show");
		assertThat(browser.findElement(By.id("nobody")).isDisplayed()).isTrue();
		int[][] shapes = { { 1, 1 }, { 2, 1 }, { 2, 2 }, { 2, 2 } };
		for (int people = 1; people <= 4; people++) {
			goLive("show/slot-" + people);
			int expected = people;
			new WebDriverWait(browser, Duration.ofSeconds(2))
				.until((driver) -> driver.findElements(By.cssSelector("#grid .tile")).size() == expected);
			assertThat(shape(browser)).containsExactly(shapes[people - 1][0], shapes[people - 1][1]);
		}
		assertThat(browser.findElement(By.id("nobody")).isDisplayed()).isFalse();
		assertThat(browser.findElements(By.cssSelector("#grid .tile .label"))).extracting(WebElement::getText)
			.containsExactly("Racer 1", "Racer 2", "Racer 3", "Racer 4");
		assertThat(js(browser).executeScript(WatchPageBrowserTests.SOURCE, "slot-4"))
			.isEqualTo("ws://127.0.0.1:" + this.signalling.port() + "/show/slot-4");
		// Four tiles share the 1280 x 720 window in a 2 x 2 grid, 4 px apart.
		assertThat(bounds(browser, "#grid .tile[data-slot=slot-1]")).containsExactly(4L, 4L, 634L, 354L);
		assertThat(bounds(browser, "#grid .tile[data-slot=slot-4]")).containsExactly(642L, 362L, 634L, 354L);
		this.chromium.screenshot("call-four");
		for (int people = 4; people >= 1; people--) {
			drop("show/slot-" + people);
			int expected = people - 1;
			new WebDriverWait(browser, Duration.ofSeconds(2))
				.until((driver) -> driver.findElements(By.cssSelector("#grid .tile")).size() == expected);
			if (expected > 0) {
				assertThat(shape(browser)).containsExactly(shapes[expected - 1][0], shapes[expected - 1][1]);
			}
		}
		assertThat(browser.findElement(By.id("nobody")).isDisplayed()).isTrue();
	}

	@Test
	void clickingATileFocusesItAndClickingAgainReturnsToTheGrid() throws Exception {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/call/show");
		goLive("show/slot-1");
		goLive("show/slot-2");
		goLive("show/slot-5");
		new WebDriverWait(browser, Duration.ofSeconds(2))
			.until((driver) -> driver.findElements(By.cssSelector("#grid .tile")).size() == 3);
		browser.findElement(By.cssSelector(".tile[data-slot=slot-2]")).click();
		assertThat(shape(browser)).containsExactly(1, 1);
		assertThat(bounds(browser, "#grid .tile[data-slot=slot-2]").get(2)).isGreaterThan(1200L);
		assertThat(browser.findElement(By.cssSelector(".tile[data-slot=slot-1]")).isDisplayed()).isFalse();
		// Someone joining while one tile is focused keeps the focus.
		goLive("show/slot-3");
		new WebDriverWait(browser, Duration.ofSeconds(2))
			.until((driver) -> driver.findElements(By.cssSelector("#grid .tile")).size() == 4);
		assertThat(shape(browser)).containsExactly(1, 1);
		browser.findElement(By.cssSelector(".tile[data-slot=slot-2]")).click();
		assertThat(shape(browser)).containsExactly(2, 2);
		assertThat(browser.findElement(By.cssSelector(".tile[data-slot=slot-1]")).isDisplayed()).isTrue();
		// The focused tile leaving returns to the grid by itself.
		browser.findElement(By.cssSelector(".tile[data-slot=slot-5]")).click();
		drop("show/slot-5");
		new WebDriverWait(browser, Duration.ofSeconds(2))
			.until((driver) -> driver.findElements(By.cssSelector("#grid .tile")).size() == 3);
		assertThat(shape(browser)).containsExactly(2, 2);
	}

	@Test
	void privateLayoutWithoutALinkForAllSlotsShowsThePrivatePage() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/layout/call/stage");
		assertThat(browser.findElement(By.cssSelector("#private h1")).getText()).isEqualTo("This stream is private");
		assertThat(js(browser).executeScript("return typeof OvenPlayer")).isEqualTo("undefined");
		ViewerTokens tokens = this.greenroom.bean(ViewerTokens.class);
		String oneSlot = tokens.issue("call", "alice", Instant.now().plusSeconds(600));
		browser.get(this.greenroom.baseUrl() + "/layout/call/stage?token=" + oneSlot);
		assertThat(browser.findElement(By.id("private")).getText()).contains("one stream");
		String expired = tokens.issue("call", "*", Instant.now().minusSeconds(1));
		browser.get(this.greenroom.baseUrl() + "/call/call?token=" + expired);
		assertThat(browser.findElement(By.id("private")).getText()).contains("expired or is not valid");
	}

	@Test
	void privateLayoutWithALinkPassesItsTokenToThePlayer() throws Exception {
		String token = this.greenroom.bean(ViewerTokens.class).issue("call", "*", Instant.now().plusSeconds(600));
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.greenroom.baseUrl() + "/layout/call/stage?token=" + token);
		assertThat(js(browser).executeScript("return getComputedStyle(document.body).backgroundColor"))
			.isEqualTo("rgb(32, 48, 64)");
		goLive("call/alice");
		String source = new WebDriverWait(browser, Duration.ofSeconds(2))
			.until((driver) -> (String) js(driver).executeScript(WatchPageBrowserTests.SOURCE, "alice"));
		assertThat(source).isEqualTo("ws://127.0.0.1:" + this.signalling.port() + "/call/alice?token=" + token);
	}

	private void goLive(String stream) throws Exception {
		int port = this.nextPort++;
		String url = "rtmp://127.0.0.1:1935/" + stream + "?key=" + this.secrets.get(stream);
		assertThat(this.ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", port, null, null)).body())
			.startsWith("{\"allowed\":true");
		this.liveNow.add(stream + "@" + port);
	}

	private void drop(String stream) throws Exception {
		String entry = this.liveNow.stream().filter((live) -> live.startsWith(stream + "@")).findFirst().orElseThrow();
		this.liveNow.remove(entry);
		int port = Integer.parseInt(entry.substring(entry.indexOf('@') + 1));
		String url = "rtmp://127.0.0.1:1935/" + stream + "?key=" + this.secrets.get(stream);
		this.ome.send(OmeWebhook.closing("incoming", "RTMP", url, "rtmp://127.0.0.1:1935/" + stream, "172.18.0.5", port,
				null));
	}

	private static List<Integer> shape(WebDriver browser) {
		WebElement grid = browser.findElement(By.id("grid"));
		return List.of(Integer.parseInt(grid.getDomAttribute("data-columns")),
				Integer.parseInt(grid.getDomAttribute("data-rows")));
	}

	private static List<Long> rect(WebDriver browser, String slot) {
		return bounds(browser, ".box[data-slot=" + slot + "]");
	}

	@SuppressWarnings("unchecked")
	private static List<Long> bounds(WebDriver browser, String selector) {
		List<Number> values = (List<Number>) js(browser)
			.executeScript("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
					+ " return [r.left, r.top, r.width, r.height];", selector);
		return values.stream().map((value) -> Math.round(value.doubleValue())).toList();
	}

	private static JavascriptExecutor js(Object driver) {
		return (JavascriptExecutor) driver;
	}

}
