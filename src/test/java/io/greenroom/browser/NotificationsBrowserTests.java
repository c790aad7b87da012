package io.greenroom.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.greenroom.GreenroomInstance;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer adds a Discord target in real headless Chromium, sends a test and sees it
 * delivered; once the webhook is deleted (a MockWebServer answering 404 as Discord does),
 * the test shows Discord's error and the target is marked broken with the reason.
 */
class NotificationsBrowserTests {

	private static final String PASSWORD = "notify-browser-password";

	private static final String TOKEN = "aBcD_eFgH-iJkLmNoPqRsTuVwXyZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH";

	@TempDir
	Path data;

	@Test
	void addsADiscordTargetSendsATestAndShowsWhyItBroke() throws Exception {
		AtomicReference<MockResponse> answer = new AtomicReference<>(new MockResponse().setResponseCode(204));
		try (MockWebServer discord = new MockWebServer()) {
			discord.setDispatcher(new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					return answer.get();
				}
			});
			discord.start();
			try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
					"greenroom.admin.password=" + PASSWORD, "greenroom.notify.allow-insecure-urls=true");
					Chromium chromium = Chromium.start(1280, 1000)) {
				WebDriver browser = chromium.driver();
				String base = greenroom.baseUrl();
				browser.get(base + "/login");
				browser.findElement(By.id("password")).sendKeys(PASSWORD);
				Chromium.navigate(browser, By.cssSelector("button[type=submit]"));

				browser.get(base + "/apps");
				Chromium.navigate(browser, By.linkText("Notifications"));
				assertThat(text(browser, "h1")).isEqualTo("Notifications");
				Chromium.navigate(browser, By.linkText("Add target"));
				assertThat(text(browser, "#preview")).contains("🔴 Racer 1 is live (show/slot-1, WHIP)");

				// A URL that is not a Discord webhook is explained.
				browser.findElement(By.id("name")).sendKeys("racers");
				browser.findElement(By.id("url"))
					.sendKeys("https://discord.gg/api/webhooks/123456789012345678/" + TOKEN);
				Chromium.navigate(browser, By.cssSelector("form.card button[type=submit]:not([name])"));
				assertThat(text(browser, ".field-error")).isEqualTo(
						"A Discord webhook URL is on discord.com (or discordapp.com, ptb.discord.com, canary.discord.com),"
								+ " not on discord.gg.");

				// The template preview shows the message as it will read.
				WebElement template = browser.findElement(By.id("template"));
				template.sendKeys("{name} is on: {watch_url}");
				Chromium.navigate(browser, By.cssSelector("button[name=preview]"));
				assertThat(text(browser, ".preview-text"))
					.isEqualTo("Racer 1 is on: https://your.site/watch/show/slot-1");

				String url = discord.url("/api/webhooks/123456789012345678/" + TOKEN).toString();
				WebElement field = browser.findElement(By.id("url"));
				field.clear();
				field.sendKeys(url);
				Chromium.navigate(browser, By.cssSelector("form.card button[type=submit]:not([name])"));
				assertThat(text(browser, ".flash")).contains("Added target 'racers'");

				// The URL holds Discord's token: masked until Show.
				assertThat(text(browser, "code[id^=url-]")).endsWith("/••••" + TOKEN.substring(TOKEN.length() - 4))
					.doesNotContain(TOKEN);
				browser.findElement(By.cssSelector("button.reveal[data-target^=url-]")).click();
				assertThat(text(browser, "code[id^=url-]")).isEqualTo(url);

				Chromium.navigate(browser, By.cssSelector("button.send-test"));
				assertThat(text(browser, ".flash")).isEqualTo("Test to 'racers': delivered.");
				assertThat(text(browser, ".last-delivery")).startsWith("delivered (test) at");
				chromium.screenshot("notifications-delivered");

				// Discord deleted the webhook.
				answer.set(new MockResponse().setResponseCode(404)
					.setHeader("Content-Type", "application/json")
					.setBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}"));
				Chromium.navigate(browser, By.cssSelector("button.send-test"));
				assertThat(text(browser, ".error-banner[role=alert]")).isEqualTo(
						"Test to 'racers' failed: HTTP 404: {\"message\": \"Unknown Webhook\", \"code\": 10015}");
				assertThat(text(browser, ".broken-reason")).isEqualTo(
						"Discord answered HTTP 404: {\"message\": \"Unknown Webhook\", \"code\": 10015}. The webhook was"
								+ " probably deleted; fix the URL or send a test.");
				chromium.screenshot("notifications-broken");

				// Once it works again, a test mends it.
				answer.set(new MockResponse().setResponseCode(204));
				Chromium.navigate(browser, By.cssSelector("button.send-test"));
				assertThat(text(browser, ".flash")).isEqualTo("Test to 'racers': delivered.");
				assertThat(browser.findElements(By.cssSelector(".broken-reason"))).isEmpty();

				// Readable on a phone.
				chromium.fitViewport(base + "/notifications", 390, 844);
				assertThat(text(browser, "h1")).isEqualTo("Notifications");
				chromium.screenshot("notifications-390");
			}
		}
	}

	private static String text(WebDriver browser, String css) {
		return browser.findElement(By.cssSelector(css)).getText().strip();
	}

}
