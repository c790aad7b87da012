package io.greenroom.ome.real;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.greenroom.browser.Chromium;
import io.greenroom.check.CheckSlot;
import io.greenroom.stream.StreamCatalog;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producer's setup check ({@code /check}) and the config page's "Check what OME
 * advertises" button, driven in Chromium against a real OME on loopback (issue 23).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealOmeCheckTests {

	private static final String PASSWORD = "check-admin-password";

	@TempDir
	static Path work;

	private OmeStage stage;

	private Chromium chromium;

	@BeforeAll
	void start() throws Exception {
		this.stage = OmeStage.start(work, (catalog) -> catalog.createApp("show"), Map.of(),
				"greenroom.admin.password=" + PASSWORD);
		this.chromium = Chromium.start(800, 900, "--autoplay-policy=no-user-gesture-required");
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.stage.greenroom().baseUrl() + "/login");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("password")).submit();
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.getCurrentUrl().endsWith("/login"));
	}

	@AfterAll
	void stop() throws Exception {
		OmeStage.close(this.chromium, this.stage);
	}

	@Test
	@Order(1)
	void everyStepOfTheCheckSucceedsAndReportsAFirstFrameTime() throws Exception {
		String steps = runCheck();
		this.chromium.screenshot("setup-check");
		assertThat(script("return window.greenroomCheck.ok")).as(steps + "\n" + this.stage.ome().log())
			.isEqualTo(Boolean.TRUE);
		assertThat(steps).contains("Signalling reached", "Publish admitted", "Media sent to OME", "First frame after",
				"Playback works from this browser");
		System.out.println("Setup check against a real OME on loopback:\n" + steps);
		assertThat(((Number) script("return window.greenroomCheck.firstFrameMs")).longValue()).isPositive();
		// OME forces viewers onto its TCP relay by default.
		assertThat(script("return window.greenroomCheck.transport")).isEqualTo("relay");
		assertThat(steps).contains("only over the TCP relay");
		// On loopback OME advertises 127.0.0.1, which the check names.
		assertThat(steps).contains("loopback address", "Set OME_HOST_IP");
		assertThat(steps.indexOf("OME advertises")).isLessThan(steps.indexOf("First frame after"));
		assertThat(this.stage.bean(StreamCatalog.class).findSlot("show", CheckSlot.NAME)).isPresent();
	}

	@Test
	@Order(2)
	void theConfigPageShowsTheAddressesOmeHandsOut() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.stage.greenroom().baseUrl() + "/server-config");
		browser.findElement(By.id("check-advertised")).click();
		await("the page comes back with OME's addresses").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !browser.findElements(By.id("advertised-addresses")).isEmpty()
					|| !browser.findElements(By.id("advertised-failure")).isEmpty());
		String table = browser.findElement(By.id("advertised")).getText();
		assertThat(table).as(table)
			.contains("ICE candidate", "TCP relay (TURN)", "127.0.0.1:" + this.stage.ome().ports().relay(),
					"loopback address");
		assertThat(browser.findElements(By.id("advertised-warning"))).isNotEmpty();
	}

	@Test
	@Order(3)
	void aClosedRelayPortIsNamedAsTheFailure() throws Exception {
		int relay = this.stage.ome().ports().relay();
		String steps;
		try (ClosedPort closed = ClosedPort.on(relay)) {
			steps = runCheck();
		}
		System.out.println("Setup check with TCP " + relay + " closed by a firewall rule:\n" + steps);
		assertThat(script("return window.greenroomCheck.ok")).as(steps).isEqualTo(Boolean.FALSE);
		// Everything up to the viewer's side works; the relay is named, with the port to
		// open.
		assertThat(steps).contains("Signalling reached", "Publish admitted", "Media sent to OME",
				"The TCP relay OME sends viewers to, 127.0.0.1:" + relay + ", could not be reached",
				"Open TCP " + relay + " on the server's firewall", "GREENROOM_OME_TCP_RELAY_PORT",
				"No picture came back through the public address: the TCP relay is closed");
		assertThat(steps).doesNotContain("First frame after");
		assertThat(script("return window.greenroomCheck.steps.relay.ok")).isEqualTo(Boolean.FALSE);
		// With the port open again the same check passes.
		assertThat(runCheck()).contains("First frame after", "only over the TCP relay");
	}

	@Test
	@Order(4)
	void anAdvertisedAddressNobodyReachesIsNamedWithItsFix() throws Exception {
		// OME tells every client to send media to a documentation address (RFC 5737).
		this.stage.ome().restartWith(Map.of("OME_HOST_IP", "192.0.2.1"));
		String steps = runCheck();
		System.out.println("Setup check with OME_HOST_IP=192.0.2.1:\n" + steps);
		assertThat(script("return window.greenroomCheck.ok")).as(steps).isEqualTo(Boolean.FALSE);
		assertThat(steps).contains("Signalling reached", "Publish admitted",
				"192.0.2.1:" + this.stage.ome().ports().relay() + "/tcp (differs from the address",
				"Media from this browser never reached OME", "UDP 10000-10004", "OME_HOST_IP");
		assertThat(steps).doesNotContain("First frame after");
	}

	/**
	 * Runs the check from {@code /check} to its end: the steps as the page shows them.
	 */
	private String runCheck() {
		ChromeDriver browser = this.chromium.driver();
		browser.get(this.stage.greenroom().baseUrl() + "/check");
		browser.findElement(By.id("check-start")).click();
		await("the check finishes").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Boolean.TRUE.equals(script("return window.greenroomCheck && window.greenroomCheck.done")));
		return browser.findElement(By.id("check-steps")).getText();
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.chromium.driver()).executeScript(script);
	}

}
