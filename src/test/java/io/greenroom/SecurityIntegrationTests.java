package io.greenroom;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.tomcat.TomcatWebServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login, cookies and error pages over real HTTP against a running Greenroom.
 */
class SecurityIntegrationTests {

	private static final String PASSWORD = "integration-password-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	static Path data;

	private static GreenroomInstance greenroom;

	@BeforeAll
	static void start() {
		greenroom = GreenroomInstance.startWithH2File(data, "greenroom.admin.password=" + PASSWORD);
	}

	@AfterAll
	static void stop() {
		greenroom.close();
	}

	@Test
	void setsAnHttpOnlySameSiteSessionCookie() throws Exception {
		HttpResponse<String> login = client().send(get("/login"), HttpResponse.BodyHandlers.ofString());
		String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("GREENROOM_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
	}

	/**
	 * Tomcat's proxy valve still applies forwarded headers (CaddyProxyTests) but no
	 * longer copies them into request attributes for an access log on every request.
	 */
	@Test
	void theProxyValveKeepsNoAccessLogAttributes() {
		Tomcat tomcat = ((TomcatWebServer) greenroom.webServer()).getTomcat();
		assertThat(tomcat.getEngine().getPipeline().getValves()).filteredOn(RemoteIpValve.class::isInstance)
			.singleElement()
			.satisfies((valve) -> assertThat(((RemoteIpValve) valve).getRequestAttributesEnabled()).isFalse());
	}

	@Test
	void refusesALoginPostWithoutCsrfToken() throws Exception {
		HttpResponse<String> response = client().send(form("/login", "username=admin&password=" + PASSWORD),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void logsInAndShowsAFriendly404ForAnUnknownSlot() throws Exception {
		HttpClient client = client();
		logIn(client);
		HttpResponse<String> apps = client.send(get("/apps"), HttpResponse.BodyHandlers.ofString());
		assertThat(apps.statusCode()).isEqualTo(200);
		assertThat(apps.body()).contains("<h1>Apps</h1>");

		HttpResponse<String> missing = client.send(get("/apps/424242/slots/1"), HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found").doesNotContain("Exception").doesNotContain("at io.greenroom");

		HttpResponse<String> badId = client.send(get("/apps/not-a-number"), HttpResponse.BodyHandlers.ofString());
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.body()).doesNotContain("Exception");
	}

	@Test
	void exposesHealthButNotOtherActuatorEndpoints() throws Exception {
		HttpRequest healthRequest = HttpRequest.newBuilder(URI.create(greenroom.baseUrl() + "/actuator/health"))
			.build();
		HttpResponse<String> health = client().send(healthRequest, HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		HttpClient client = client();
		logIn(client);
		for (String endpoint : java.util.List.of("env", "info", "beans", "configprops", "heapdump", "metrics")) {
			HttpResponse<String> other = client.send(get("/actuator/" + endpoint),
					HttpResponse.BodyHandlers.ofString());
			assertThat(other.statusCode()).as(endpoint).isEqualTo(404);
			assertThat(other.body()).doesNotContain(PASSWORD);
		}
	}

	@Test
	void slowsDownRepeatedFailedLoginsAndStillTakesTheRightPasswordAfterwards() throws Exception {
		HttpClient client = client();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = postLogin(client, "not-the-password");
			assertThat(wrong.headers().firstValue("Location")).as("failure %d", i)
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		}
		long turnedAwayAt = System.nanoTime();
		HttpResponse<String> early = postLogin(client, PASSWORD);
		assertThat(early.headers().firstValue("Location")).as("the right password, too early, is not even checked")
			.hasValueSatisfying((l) -> assertThat(l).contains("/login?wait="));
		long seconds = Long.parseLong(early.headers().firstValue("Retry-After").orElseThrow());
		assertThat(seconds).isBetween(1L, 2L);
		String page = client
			.send(get(early.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("Too many failed logins");
		Thread.sleep(Math.max(0, seconds * 1000 - (System.nanoTime() - turnedAwayAt) / 1_000_000) + 100);
		HttpResponse<String> right = postLogin(client, PASSWORD);
		assertThat(right.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/apps"));
	}

	private static HttpResponse<String> postLogin(HttpClient client, String password)
			throws IOException, InterruptedException {
		String page = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).isTrue();
		return client.send(
				form("/login",
						"username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
								+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void logIn(HttpClient client) throws IOException, InterruptedException {
		String page = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).isTrue();
		HttpResponse<String> response = client.send(
				form("/login",
						"username=admin&password=" + PASSWORD + "&_csrf="
								+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/apps"));
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	private static HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(greenroom.baseUrl() + path)).header("Accept", "text/html").build();
	}

	private static HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(URI.create(greenroom.baseUrl() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
