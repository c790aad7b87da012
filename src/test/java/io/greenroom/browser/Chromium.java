package io.greenroom.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver. Never downloads a
 * browser: if either binary is missing the test fails and says which package to install.
 */
public final class Chromium implements AutoCloseable {

	static final String BROWSER = "/usr/bin/chromium";

	static final String DRIVER = "/usr/bin/chromedriver";

	private final ChromeDriver driver;

	private final Path profile;

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	public static Chromium start(int width, int height) throws IOException {
		return start(width, height, new String[0]);
	}

	/**
	 * Starts Chromium with extra command-line switches, for example
	 * {@code --use-fake-device-for-media-stream}.
	 */
	public static Chromium start(int width, int height, String... extraArguments) throws IOException {
		for (String binary : new String[] { BROWSER, DRIVER }) {
			if (!Files.isExecutable(Path.of(binary))) {
				throw new IllegalStateException(
						binary + " is missing: apt-get install chromium chromium-driver (.ci/run does this)");
			}
		}
		Path profile = Files.createTempDirectory("greenroom-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		options.addArguments(extraArguments);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
		return new Chromium(driver, profile);
	}

	/**
	 * Resizes the window so the page's viewport is exactly {@code width} ×
	 * {@code height}, as an OBS BrowserSource of that size is. Measured on {@code url},
	 * any page.
	 */
	void fitViewport(String url, int width, int height) {
		this.driver.get(url);
		for (int attempt = 0; attempt < 3; attempt++) {
			@SuppressWarnings("unchecked")
			List<Number> inner = (List<Number>) this.driver
				.executeScript("return [window.innerWidth, window.innerHeight]");
			int dw = width - inner.get(0).intValue();
			int dh = height - inner.get(1).intValue();
			if (dw == 0 && dh == 0) {
				return;
			}
			Dimension size = this.driver.manage().window().getSize();
			this.driver.manage().window().setSize(new Dimension(size.getWidth() + dw, size.getHeight() + dh));
		}
		throw new IllegalStateException("Could not make the viewport " + width + " x " + height);
	}

	/** Clicks and waits until the browser has left the current page. */
	public static void navigate(WebDriver browser, By target) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(target).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> left(page));
	}

	/**
	 * Whether the page that held {@code element} is gone. While Chromium swaps documents,
	 * asking about an old node can also fail with "does not belong to the document"
	 * rather than as a stale element: both mean the page was left.
	 */
	private static boolean left(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Saves a screenshot under {@code target/screenshots} for a person to look at. */
	public void screenshot(String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		Files.write(dir.resolve(name + ".png"), png);
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

}
