package io.greenroom.live;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read {@code /actuator/prometheus}: nobody when no token is set, and only a
 * scraper with the exact token when it is.
 */
class PrometheusAccessTests {

	private final LiveDemand demand = new LiveDemand(Clock.systemUTC());

	@Test
	void isOffWithoutAToken() throws Exception {
		assertThat(status(new MetricsProperties(null), "Bearer anything")).isEqualTo(404);
		assertThat(status(new MetricsProperties(""), null)).isEqualTo(404);
	}

	@Test
	void needsTheExactBearerTokenWhenOn() throws Exception {
		MetricsProperties on = new MetricsProperties("s3cret-token");
		assertThat(status(on, null)).isEqualTo(401);
		assertThat(status(on, "Bearer wrong")).isEqualTo(401);
		assertThat(status(on, "Basic czNjcmV0LXRva2Vu")).isEqualTo(401);
		assertThat(this.demand.wanted()).isFalse();
		assertThat(status(on, "Bearer s3cret-token")).isEqualTo(200);
		assertThat(this.demand.wanted()).as("a scrape makes the poller read OME fast").isTrue();
	}

	@Test
	void neverPrintsTheToken() {
		assertThat(new MetricsProperties("s3cret-token").toString()).doesNotContain("s3cret");
	}

	private int status(MetricsProperties properties, String authorization) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", PrometheusAccess.PATH);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		new PrometheusAccess(properties, this.demand).doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

}
