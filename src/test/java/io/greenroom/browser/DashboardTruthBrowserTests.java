package io.greenroom.browser;

import java.nio.file.Path;
import java.util.List;

import io.greenroom.GreenroomInstance;
import io.greenroom.layout.Layout;
import io.greenroom.layout.Layouts;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a producer sees when something is off, in real headless Chromium: every error
 * status on an HTML route is the styled page, a tampered layout form is a 400, the
 * local-host notice follows the setting, presets place the ticked slots in natural order,
 * and the dashboard fits a 390 px phone screen.
 */
class DashboardTruthBrowserTests {

	private static final String PASSWORD = "truth-test-password-1";

	private static final String LONG_NAME = "z-" + "a".repeat(62);

	@TempDir
	Path data;

	@Test
	void errorsArePagesPresetsFollowTheTicksAndALocalHostIsNamed() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.admin.password=" + PASSWORD); Chromium chromium = Chromium.start(1280, 1000)) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			for (String name : List.of("slot-10", "slot-2", "slot-1", "slot-3", LONG_NAME)) {
				catalog.createSlot(show.getId(), new SlotDraft(name, "Racer " + name, 2500, true));
			}
			Slot slot1 = catalog.findSlot("show", "slot-1").orElseThrow();
			Layout main = greenroom.bean(Layouts.class).create(show.getId(), "main");
			WebDriver browser = chromium.driver();
			String base = greenroom.baseUrl();
			logIn(browser, base);

			// Every slot list is in natural order.
			browser.get(base + "/apps/" + show.getId());
			assertThat(texts(browser, "#slots td.name")).containsExactly("slot-1", "slot-2", "slot-3", "slot-10",
					LONG_NAME);

			// Presets place the ticked slots, in natural order.
			String editor = base + "/apps/" + show.getId() + "/layouts/" + main.getId();
			browser.get(editor);
			assertThat(texts(browser, "#boxes td.slot-name")).containsExactly("Racer slot-1", "Racer slot-2",
					"Racer slot-3", "Racer slot-10", "Racer " + LONG_NAME);
			browser.findElement(By.cssSelector("tr[data-row='3'] .placed")).click();
			browser.findElement(By.cssSelector("tr[data-row='1'] .placed")).click();
			browser.findElement(By.cssSelector("button[data-preset=side]")).click();
			assertThat(placed(browser)).containsExactly(false, true, false, true, false);
			assertThat(row(browser, 1)).containsExactly(0, 270, 960, 540);
			assertThat(row(browser, 3)).containsExactly(960, 270, 960, 540);

			// A row the page never offered is a 400 page, not a 500.
			js(browser, "var f = document.getElementById('layout-form'); var i = document.createElement('input');"
					+ " i.type = 'hidden'; i.name = 'boxes[99999].placed'; i.value = 'true'; f.appendChild(i);");
			Chromium.navigate(browser, By.id("save-layout"));
			assertErrorPage(browser, 400, "That request was not understood");

			// Each error status on an HTML route is the styled page with a way back.
			browser.get(base + "/no-such-page");
			assertErrorPage(browser, 404, "Not found");
			browser.get(base + "/apps/abc");
			assertErrorPage(browser, 400, "That request was not understood");
			browser.get(base + "/apps/" + show.getId() + "/slots/" + slot1.getId() + "/enabled");
			assertErrorPage(browser, 405, "That action is not available here");
			browser.get(base + "/apps/" + show.getId() + "/slots/" + slot1.getId());
			submit(browser, "/apps/" + show.getId() + "/slots/" + slot1.getId() + "/enabled", "enabled", "xyz", true);
			assertErrorPage(browser, 400, "That request was not understood");
			browser.get(base + "/apps/" + show.getId() + "/slots/" + slot1.getId());
			submit(browser, "/apps/" + show.getId() + "/slots/" + slot1.getId() + "/enabled", "enabled", "false",
					false);
			assertErrorPage(browser, 403, "Not allowed");

			// The public host is localhost: the slot page and the settings page say so.
			browser.get(base + "/apps/" + show.getId() + "/slots/" + slot1.getId());
			assertThat(browser.findElement(By.id("local-host-notice")).getText()).contains("GREENROOM_PUBLIC_HOST")
				.contains("localhost");
			browser.get(base + "/settings");
			assertThat(browser.findElement(By.id("local-host-notice")).getText()).contains("GREENROOM_PUBLIC_HOST");
			Number settingsHeight = (Number) js(browser,
					"return document.getElementById('settings').getBoundingClientRect().height");
			assertThat(settingsHeight.doubleValue()).isLessThan(3000);
			Number rowHeight = (Number) js(browser, "var t = document.getElementById('settings');"
					+ " return t.getBoundingClientRect().height / t.tBodies[0].rows.length");
			assertThat(rowHeight.doubleValue()).as("average height of a setting's row (px)").isLessThan(60);

			// Without a restart hook there is no Apply button, but a way to say OME was
			// restarted by hand.
			browser.get(base + "/server-config");
			assertThat(browser.findElements(By.id("apply"))).isEmpty();
			assertThat(browser.findElement(By.id("restart-by-hand")).getText()).contains("docker compose restart ome");

			// At 390 px nothing overflows the screen and the menu items do not overlap.
			chromium.fitViewport(base + "/apps", 390, 844);
			for (String page : List.of("/apps", "/apps/" + show.getId(),
					"/apps/" + show.getId() + "/slots/" + slot1.getId(), "/settings", "/server-config", "/planner",
					"/account/password", "/no-such-page")) {
				browser.get(base + page);
				assertThat(layoutProblems(browser)).as(page).isEmpty();
			}
			chromium.screenshot("dashboard-390px");

			// A fault of Greenroom itself is the styled page too.
			greenroom.bean(JdbcTemplate.class).execute("ALTER TABLE layout RENAME TO layout_gone");
			chromium.fitViewport(base + "/apps", 1280, 900);
			browser.get(base + "/apps/" + show.getId());
			assertErrorPage(browser, 500, "Something went wrong");
		}
	}

	@Test
	void saysNothingAboutTheHostWhenItIsPublic() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data,
				"greenroom.admin.password=" + PASSWORD, "greenroom.public.host=live.example.org");
				Chromium chromium = Chromium.start(1280, 1000)) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			Slot slot = catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
			WebDriver browser = chromium.driver();
			String base = greenroom.baseUrl();
			logIn(browser, base);
			browser.get(base + "/apps/" + show.getId() + "/slots/" + slot.getId());
			assertThat(browser.findElement(By.id("whip-server")).getText()).contains("live.example.org");
			assertThat(browser.findElements(By.id("local-host-notice"))).isEmpty();
			browser.get(base + "/settings");
			assertThat(browser.findElements(By.id("local-host-notice"))).isEmpty();
		}
	}

	private static void logIn(WebDriver browser, String base) {
		browser.get(base + "/login");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.navigate(browser, By.cssSelector("button[type=submit]"));
	}

	private static void assertErrorPage(WebDriver browser, int status, String heading) {
		assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo(String.valueOf(status));
		assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo(heading);
		assertThat(browser.findElement(By.id("back-to-apps")).getDomAttribute("href")).isEqualTo("/apps");
		String background = (String) js(browser,
				"return getComputedStyle(document.getElementById('error-page')).backgroundColor");
		assertThat(background).as("styled by greenroom.css").isEqualTo("rgb(255, 255, 255)");
		assertThat(browser.getPageSource()).doesNotContain("\"detail\"").doesNotContain("Exception");
	}

	/** Posts a form from the current page, with or without its CSRF token, and waits. */
	private static void submit(WebDriver browser, String action, String name, String value, boolean withToken) {
		js(browser,
				"var token = document.querySelector('input[name=_csrf]').value;"
						+ " var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
						+ " f.id = 'crafted'; var add = function (n, v) { var i = document.createElement('input');"
						+ " i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i); };"
						+ " add(arguments[1], arguments[2]); if (arguments[3]) { add('_csrf', token); }"
						+ " var b = document.createElement('button'); b.type = 'submit'; b.id = 'crafted-submit';"
						+ " f.appendChild(b); document.body.appendChild(f);",
				action, name, value, withToken);
		Chromium.navigate(browser, By.id("crafted-submit"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> layoutProblems(WebDriver browser) {
		return (List<String>) js(browser, """
				var problems = [];
				var width = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth > width) {
				  problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
				}
				document.querySelectorAll('body *').forEach(function (e) {
				  var r = e.getBoundingClientRect();
				  if (r.width > 0 && r.right > width + 0.5 && !e.closest('.table-scroll, pre')) {
				    problems.push(e.tagName + '#' + e.id + '.' + e.className + ' ends at ' + r.right);
				  }
				});
				var items = Array.prototype.map.call(
				  document.querySelectorAll('.topbar .brand, .topbar nav > a, .topbar nav > form'),
				  function (e) { return [e, e.getBoundingClientRect()]; });
				for (var i = 0; i < items.length; i++) {
				  for (var j = i + 1; j < items.length; j++) {
				    var a = items[i][1], b = items[j][1];
				    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
				      problems.push('menu items overlap: ' + items[i][0].textContent.trim() + ' / '
				          + items[j][0].textContent.trim());
				    }
				  }
				}
				return problems;
				""");
	}

	private static List<Boolean> placed(WebDriver browser) {
		return browser.findElements(By.cssSelector("#boxes .placed")).stream().map((box) -> box.isSelected()).toList();
	}

	private static List<Integer> row(WebDriver browser, int row) {
		return List.of("x", "y", "w", "h")
			.stream()
			.map((name) -> Integer.parseInt(
					browser.findElement(By.cssSelector("tr[data-row='" + row + "'] ." + name)).getDomProperty("value")))
			.toList();
	}

	private static List<String> texts(WebDriver browser, String selector) {
		return browser.findElements(By.cssSelector(selector)).stream().map((e) -> e.getText()).toList();
	}

	private static Object js(WebDriver browser, String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

}
