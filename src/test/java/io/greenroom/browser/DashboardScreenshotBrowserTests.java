package io.greenroom.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.layout.Fit;
import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutBox;
import io.greenroom.layout.LayoutDraft;
import io.greenroom.layout.Layouts;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picture on the README's front page: an app's page at 1280 × 800 with four slots,
 * one of them live, and a layout. The test saves it as
 * {@code target/screenshots/dashboard.png}; {@code docs/images/dashboard.png} is a copy.
 */
class DashboardScreenshotBrowserTests {

	private static final String PASSWORD = "screenshot-test-password";

	@TempDir
	Path data;

	@Test
	void appPageShowsItsSlotsWithTheLiveOneMarked() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.admin.password=" + PASSWORD, "greenroom.public.host=live.example.org",
				"greenroom.ome.restart-marker=" + this.data.resolve("restart-ome"));
				Chromium chromium = Chromium.start(1280, 800)) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			String[] names = { "Host", "Guest 1", "Guest 2", "Guest 3" };
			for (int i = 0; i < names.length; i++) {
				catalog.createSlot(show.getId(),
						new SlotDraft("slot-" + (i + 1), names[i], (i == 0) ? 6000 : 2500, true));
			}
			Layouts layouts = greenroom.bean(Layouts.class);
			Layout main = layouts.create(show.getId(), "main");
			List<LayoutBox> grid = new ArrayList<>();
			for (Slot slot : catalog.listSlots(show.getId())) {
				int i = grid.size();
				grid.add(new LayoutBox(slot.getId(), (i % 2) * 960, (i / 2) * 540, 960, 540, 0, Fit.COVER, 100, false,
						slot.getDisplayName()));
			}
			layouts.save(show.getId(), main.getId(), new LayoutDraft("main", 1920, 1080, null, false, grid));
			// Applied, so the page shows the slots rather than the restart banner.
			greenroom.bean(OmeConfiguration.class).apply();
			Slot host = catalog.findSlot("show", "slot-1").orElseThrow();
			OmeWebhook ome = new OmeWebhook(greenroom.baseUrl(), greenroom.bean(OmeSecrets.class).admissionSecretKey());
			assertThat(ome
				.send(OmeWebhook.opening("incoming", "RTMP",
						"rtmp://127.0.0.1:1935/show/slot-1?key=" + host.getPublishSecret().value(), "172.18.0.5", 40123,
						"203.0.113.7", null))
				.body()).startsWith("{\"allowed\":true");

			WebDriver browser = chromium.driver();
			String base = greenroom.baseUrl();
			chromium.fitViewport(base + "/login", 1280, 800);
			browser.findElement(By.id("password")).sendKeys(PASSWORD);
			Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
			new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> {
				driver.get(base + "/apps/" + show.getId());
				return driver.findElement(By.id("slots")).getText().contains("live");
			});

			List<WebElement> rows = browser.findElements(By.cssSelector("#slots tbody tr"));
			assertThat(rows).hasSize(4);
			assertThat(rows.get(0).getText()).contains("slot-1", "live");
			assertThat(rows.get(0).findElement(By.name("displayName")).getDomProperty("value")).isEqualTo("Host");
			assertThat(rows.get(1).getText()).contains("slot-2").doesNotContain("live");
			assertThat(rows.get(1).findElement(By.name("displayName")).getDomProperty("value")).isEqualTo("Guest 1");
			assertThat(browser.findElement(By.id("layout-list")).getText()).contains("main", "1920 × 1080");
			assertThat(browser.findElements(By.id("ome-restart-needed"))).as("applied").isEmpty();
			assertThat(browser.getPageSource()).doesNotContain(host.getPublishSecret().value());

			chromium.screenshot("dashboard");
			assertThat(Path.of("target", "screenshots", "dashboard.png")).isNotEmptyFile();
			assertThat(Files.size(Path.of("target", "screenshots", "dashboard.png"))).isLessThan(300_000);
		}
	}

}
