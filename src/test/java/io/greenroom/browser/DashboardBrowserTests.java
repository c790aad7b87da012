package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer's first session, in real headless Chromium: log in with the password from
 * the log, create an app and a slot, read the OBS values off the page, rotate the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class DashboardBrowserTests {

	private static final String HOST = "live.example.org";

	@TempDir
	Path data;

	@Test
	void producerCreatesASlotAndHandsOutItsObsValues(CapturedOutput output) throws Exception {
		String[] secrets = new String[2];
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data, "greenroom.public.host=" + HOST,
				"greenroom.ome.restart-marker=" + this.data.resolve("restart-ome"));
				Chromium chromium = Chromium.start(1280, 1000)) {
			WebDriver browser = chromium.driver();
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
			String base = greenroom.baseUrl();

			// Anyone opening the dashboard lands on the login form.
			browser.get(base + "/apps");
			assertThat(browser.getCurrentUrl()).endsWith("/login");
			browser.findElement(By.id("password")).sendKeys("wrong-password");
			Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
			assertThat(text(browser, "p.error")).contains("Wrong user name or password");

			browser.findElement(By.id("password")).sendKeys(GreenroomInstance.generatedAdminPassword(output));
			Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
			wait.until(ExpectedConditions.urlMatches(".*/apps(\\?continue)?$"));
			assertThat(text(browser, "h1")).isEqualTo("Apps");

			// A bad app name is explained, then a good one is accepted.
			Chromium.navigate(browser, By.linkText("New app"));
			browser.findElement(By.id("name")).sendKeys("My Show");
			Chromium.navigate(browser, By.cssSelector("form.card button[type=submit]"));
			assertThat(text(browser, ".field-error")).contains("lowercase letters, digits and hyphens");
			WebElement name = browser.findElement(By.id("name"));
			name.clear();
			name.sendKeys("show");
			Chromium.navigate(browser, By.cssSelector("form.card button[type=submit]"));
			assertThat(text(browser, "h1")).isEqualTo("App show");
			assertThat(text(browser, "#ome-restart-needed")).contains("OME must restart");

			Chromium.navigate(browser, By.linkText("New slot"));
			WebElement slotName = browser.findElement(By.id("name"));
			assertThat(slotName.getDomProperty("value")).as("the next free name is suggested").isEqualTo("slot-1");
			slotName.clear();
			slotName.sendKeys("slot-1");
			WebElement displayName = browser.findElement(By.id("displayName"));
			displayName.clear();
			displayName.sendKeys("Racer 1");
			WebElement bitrate = browser.findElement(By.id("bitrateKbps"));
			bitrate.clear();
			bitrate.sendKeys("3000");
			Chromium.navigate(browser, By.cssSelector("form.card button[type=submit]"));
			assertThat(text(browser, ".flash")).contains("Created slot 'slot-1'");

			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			Slot slot = catalog.listSlots(catalog.listApps().get(0).id()).get(0);
			String secret = slot.getPublishSecret().value();
			secrets[0] = secret;

			// The secret is masked until the producer asks to see it.
			assertThat(browser.getPageSource().replace("data-value", "")).doesNotContain(">" + secret);
			assertThat(text(browser, "#rtmp-key")).isEqualTo("slot-1?key=" + slot.getPublishSecret().masked());
			chromium.screenshot("slot-page-masked");

			assertThat(text(browser, "#rtmp-server")).isEqualTo("rtmp://" + HOST + ":1935/show");
			assertThat(reveal(browser, "rtmp-key")).isEqualTo("slot-1?key=" + secret);
			assertThat(reveal(browser, "whip-server"))
				.isEqualTo("https://" + HOST + "/ome/show/slot-1?direction=whip&key=" + secret);
			assertThat(text(browser, "#bitrate")).isEqualTo("3000 Kbps");
			assertThat(text(browser, "#output-settings")).contains("CBR", "zerolatency", "bframes=0", "1 s");
			assertThat(text(browser, "#bframes-warning")).contains("B-frames must be off");
			chromium.screenshot("slot-page-revealed");

			// The streamer link is masked like a secret, with its QR code drawn by
			// Greenroom.
			String token = greenroom.bean(io.greenroom.handoff.StreamerLinks.class).token(slot);
			assertThat(text(browser, "#streamer-link"))
				.doesNotContain(token.substring(token.indexOf('.') + 1, token.length() - 4));
			assertThat(reveal(browser, "streamer-link")).startsWith(base + "/go/" + slot.getId() + ".");
			assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
					"var qr = document.getElementById('streamer-qr'); return qr.complete && qr.naturalWidth > 0"))
				.isEqualTo(true);

			// OME asks Greenroom before letting the streamer in: the slot goes live with
			// a session.
			OmeWebhook ome = new OmeWebhook(base,
					greenroom.bean(io.greenroom.ome.OmeSecrets.class).admissionSecretKey());
			String rtmpUrl = "rtmp://127.0.0.1:1935/show/slot-1?key=" + secret;
			assertThat(
					ome.send(OmeWebhook.opening("incoming", "RTMP", rtmpUrl, "172.18.0.5", 40123, "203.0.113.7", null))
						.body())
				.startsWith("{\"allowed\":true");
			// The session record is written in the background, within a fraction of a
			// second.
			wait.until((driver) -> {
				driver.navigate().refresh();
				return !driver.findElements(By.id("sessions")).isEmpty();
			});
			assertThat(text(browser, "#slot-live")).isEqualTo("live");
			// 172.18.0.5 is no trusted proxy: the real_ip it passed on is shown as a
			// claim.
			assertThat(text(browser, "#sessions")).contains("RTMP").contains("172.18.0.5:40123 (claimed 203.0.113.7)");
			assertThat(text(browser, "#live-count")).contains("1 stream(s) are live");

			// Rotating asks first, then shows the new secret at once.
			browser.findElement(By.id("rotate-secret")).click();
			wait.until(ExpectedConditions.alertIsPresent()).accept();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "New secret"));
			String rotated = catalog.listSlots(catalog.listApps().get(0).id()).get(0).getPublishSecret().value();
			secrets[1] = rotated;
			assertThat(rotated).isNotEqualTo(secret);
			assertThat(reveal(browser, "rtmp-key")).isEqualTo("slot-1?key=" + rotated);
			assertThat(reveal(browser, "whip-server")).endsWith("&key=" + rotated);
			assertThat(
					ome.send(OmeWebhook.opening("incoming", "RTMP", rtmpUrl, "172.18.0.5", 40124, "203.0.113.8", null))
						.body())
				.as("the old key is refused at once")
				.contains("wrong stream key");

			// The OME config page shows the generated file with its secrets masked, and
			// applies it.
			browser.get(base + "/server-config");
			String accessToken = greenroom.bean(io.greenroom.ome.OmeSecrets.class).current().apiAccessToken();
			assertThat(text(browser, "#server-xml")).contains("<Name>show</Name>")
				.contains("<AccessToken>••••••••</AccessToken>")
				.doesNotContain(accessToken);
			WebElement page = browser.findElement(By.tagName("html"));
			browser.findElement(By.id("apply")).click();
			wait.until(ExpectedConditions.alertIsPresent()).accept();
			wait.until(ExpectedConditions.stalenessOf(page));
			assertThat(text(browser, ".flash")).contains("Asked the supervisor to restart OME");
			assertThat(browser.findElements(By.id("ome-restart-needed"))).isEmpty();
			assertThat(this.data.resolve("restart-ome")).exists();
			chromium.screenshot("server-config");

			// The settings page shows the settings in force, read-only.
			browser.get(base + "/settings");
			assertThat(text(browser, "#example-rtmp")).isEqualTo("rtmp://" + HOST + ":1935/APP");
			assertThat(text(browser, "tr[data-property='greenroom.public.host'] .value")).isEqualTo(HOST);
			assertThat(browser.findElements(By.cssSelector("#settings input"))).isEmpty();

			// The planner opens on the user's worked example and answers a bigger show.
			Chromium.navigate(browser, By.linkText("Planner"));
			assertThat(text(browser, "#out-month")).isEqualTo("3.25 Tbit, 406 GB");
			WebElement viewers = browser.findElement(By.id("viewers"));
			viewers.clear();
			viewers.sendKeys("300");
			Chromium.navigate(browser, By.id("plan"));
			assertThat(text(browser, "#out-mbps")).isEqualTo("676.80 Mbit/s");
			assertThat(text(browser, "#servers")).contains("4 edge(s) for the viewers");
			chromium.screenshot("planner");

			// Logging out ends the session.
			Chromium.navigate(browser, By.cssSelector("button.link"));
			wait.until(ExpectedConditions.urlContains("/login?logout"));
			browser.get(base + "/apps");
			assertThat(browser.getCurrentUrl()).endsWith("/login");
		}
		assertThat(output.getAll()).as("no publish secret reaches the log")
			.doesNotContain(secrets[0])
			.doesNotContain(secrets[1]);
	}

	private static String reveal(WebDriver browser, String id) {
		WebElement value = browser.findElement(By.id(id));
		WebElement button = browser.findElement(By.cssSelector("button.reveal[data-target='" + id + "']"));
		if (!"true".equals(value.getDomAttribute("data-shown"))) {
			button.click();
		}
		return value.getText();
	}

	private static String text(WebDriver browser, String css) {
		return browser.findElement(By.cssSelector(css)).getText().strip();
	}

}
