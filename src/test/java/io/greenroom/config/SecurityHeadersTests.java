package io.greenroom.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.greenroom.GreenroomInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on a running Greenroom: the dashboard gets a script policy with no
 * inline scripts and no framing; the pages OBS loads, which carry an inline script, are
 * left loadable.
 */
class SecurityHeadersTests {

	@TempDir
	Path data;

	@Test
	void theDashboardForbidsInlineScriptsAndFramingAndViewerPagesStayLoadable() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			HttpClient client = HttpClient.newHttpClient();
			for (String path : new String[] { "/login", "/apps", "/notifications", "/check" }) {
				HttpResponse<String> page = get(client, greenroom.baseUrl() + path);
				String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
				assertThat(policy).as(path)
					.contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
				assertThat(policy).as(path)
					.doesNotContain("unsafe-eval")
					.doesNotContainPattern("script-src[^;]*unsafe-inline");
				assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
				assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
				assertThat(page.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
			}
			// The watch page (here its "no such slot" answer) and the clock carry their
			// settings inline.
			for (String path : new String[] { "/watch/show/slot-1", "/tools/clock" }) {
				HttpResponse<String> page = get(client, greenroom.baseUrl() + path);
				assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).isEmpty();
			}
		}
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
