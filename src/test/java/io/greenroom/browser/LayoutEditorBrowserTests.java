package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.greenroom.GreenroomInstance;
import io.greenroom.stream.App;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout editor in real headless Chromium: a producer picks a preset, drags one box,
 * types another's size, saves, and the BrowserSource page shows both.
 */
class LayoutEditorBrowserTests {

	private static final String PASSWORD = "editor-test-password-1";

	@TempDir
	Path data;

	@Test
	void savesADragAndATypedResizeAndTheLayoutPageShowsBoth() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.admin.password=" + PASSWORD); Chromium chromium = Chromium.start(1280, 1000)) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			for (int i = 1; i <= 4; i++) {
				catalog.createSlot(show.getId(), new SlotDraft("slot-" + i, "Racer " + i, 2500, true));
			}
			WebDriver browser = chromium.driver();
			String base = greenroom.baseUrl();
			browser.get(base + "/login");
			browser.findElement(By.id("password")).sendKeys(PASSWORD);
			Chromium.navigate(browser, By.cssSelector("button[type=submit]"));

			// A bad name is explained; a good one opens the editor.
			browser.get(base + "/apps/" + show.getId());
			((JavascriptExecutor) browser)
				.executeScript("document.getElementById('layout-name').removeAttribute('pattern')");
			browser.findElement(By.id("layout-name")).sendKeys("Main Stage");
			Chromium.navigate(browser, By.id("create-layout"));
			assertThat(browser.findElement(By.id("layout-name-error")).getText())
				.contains("Layout not created: Use 1 to 64 characters");
			assertThat(browser.findElement(By.id("layout-name")).getDomProperty("value")).isEqualTo("Main Stage");
			browser.findElement(By.id("layout-name")).clear();
			browser.findElement(By.id("layout-name")).sendKeys("main");
			Chromium.navigate(browser, By.id("create-layout"));
			assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Layout main");
			assertThat(browser.findElements(By.cssSelector("#canvas .box"))).isEmpty();

			browser.findElement(By.cssSelector("button[data-preset=full]")).click();
			assertThat(row(browser, 0)).containsExactly(0, 0, 1920, 1080);
			assertThat(browser.findElements(By.cssSelector("#canvas .box"))).hasSize(1);
			browser.findElement(By.cssSelector("tr[data-row='1'] .placed")).click();
			browser.findElement(By.cssSelector("button[data-preset=side]")).click();
			assertThat(row(browser, 0)).containsExactly(0, 270, 960, 540);
			assertThat(row(browser, 1)).containsExactly(960, 270, 960, 540);
			browser.findElement(By.cssSelector("tr[data-row='2'] .placed")).click();
			browser.findElement(By.cssSelector("tr[data-row='3'] .placed")).click();
			browser.findElement(By.cssSelector("button[data-preset=big]")).click();
			assertThat(row(browser, 0)).containsExactly(320, 0, 1280, 720);
			assertThat(row(browser, 1)).containsExactly(0, 720, 640, 360);
			assertThat(row(browser, 3)).containsExactly(1280, 720, 640, 360);
			assertThat(browser.findElements(By.cssSelector("#canvas .box"))).hasSize(4);
			browser.findElement(By.cssSelector("button[data-preset=grid]")).click();
			assertThat(row(browser, 0)).containsExactly(0, 0, 960, 540);
			assertThat(row(browser, 3)).containsExactly(960, 540, 960, 540);
			assertThat(browser.findElements(By.cssSelector("#canvas .box"))).hasSize(4);

			// Drag Racer 1's box right and down on the scaled canvas; it snaps to 20 px.
			double scale = ((Number) ((JavascriptExecutor) browser)
				.executeScript("return document.getElementById('canvas').clientWidth / 1920")).doubleValue();
			WebElement racer1 = browser.findElement(By.cssSelector("#canvas .box[data-row='0']"));
			new Actions(browser).moveToElement(racer1)
				.clickAndHold()
				.moveByOffset(20, 10)
				.moveByOffset(30, 15)
				.release()
				.perform();
			int expectedX = (int) (Math.round(50 / scale / 20) * 20);
			int expectedY = (int) (Math.round(25 / scale / 20) * 20);
			assertThat(row(browser, 0)).containsExactly(expectedX, expectedY, 960, 540);
			assertThat(expectedX).isPositive();

			// Type an exact width for Racer 2, and mute Racer 3.
			WebElement width = field(browser, 1, "w");
			width.clear();
			width.sendKeys("700");
			browser.findElement(By.cssSelector("tr[data-row='2'] .muted")).click();
			chromium.screenshot("layout-editor");
			Chromium.navigate(browser, By.id("save-layout"));
			assertThat(browser.findElement(By.cssSelector(".flash")).getText())
				.contains("Saved layout 'main' with 4 slot(s)");
			assertThat(row(browser, 0)).containsExactly(expectedX, expectedY, 960, 540);
			assertThat(row(browser, 1)).containsExactly(960, 0, 700, 540);

			// A box past the canvas is refused with the numbers, and nothing is saved.
			WebElement x = field(browser, 3, "x");
			x.clear();
			x.sendKeys("1500");
			Chromium.navigate(browser, By.id("save-layout"));
			assertThat(browser.findElement(By.id("form-errors")).getText())
				.contains("Racer 4's box ends at x 2460, past the canvas width 1920.");
			assertThat(field(browser, 3, "w").getDomAttribute("class")).contains("invalid");

			browser.get(base + "/layout/show/main");
			new WebDriverWait(browser, Duration.ofSeconds(5))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".box[data-slot=slot-4]")));
			assertThat(bounds(browser, "slot-1")).containsExactly((long) expectedX, (long) expectedY, 960L, 540L);
			assertThat(bounds(browser, "slot-2")).containsExactly(960L, 0L, 700L, 540L);
			assertThat(bounds(browser, "slot-4")).containsExactly(960L, 540L, 960L, 540L);
			assertThat(browser.findElement(By.cssSelector(".box[data-slot=slot-3]")).getDomAttribute("data-muted"))
				.isEqualTo("true");
		}
	}

	private static WebElement field(WebDriver browser, int row, String name) {
		return browser.findElement(By.cssSelector("tr[data-row='" + row + "'] ." + name));
	}

	private static List<Integer> row(WebDriver browser, int row) {
		return List.of("x", "y", "w", "h")
			.stream()
			.map((name) -> Integer.parseInt(field(browser, row, name).getDomProperty("value")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Long> bounds(WebDriver browser, String slot) {
		List<Number> values = (List<Number>) ((JavascriptExecutor) browser).executeScript(
				"var r = document.querySelector('.box[data-slot=' + arguments[0] + ']').getBoundingClientRect();"
						+ " return [r.left, r.top, r.width, r.height];",
				slot);
		return values.stream().map((value) -> Math.round(value.doubleValue())).toList();
	}

}
