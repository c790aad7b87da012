package io.greenroom.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /actuator/prometheus} with its own bearer token, apart from the admin
 * login: off (404) unless {@code greenroom.metrics.prometheus-token} is set, and 401
 * without that exact token. A good scrape also tells the poller to read OME fast for a
 * while, so the next scrape sees fresh figures.
 */
class PrometheusAccess extends OncePerRequestFilter {

	static final String PATH = "/actuator/prometheus";

	private final MetricsProperties properties;

	private final LiveDemand demand;

	PrometheusAccess(MetricsProperties properties, LiveDemand demand) {
		this.properties = properties;
		this.demand = demand;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.properties.prometheusEnabled()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String header = request.getHeader("Authorization");
		byte[] given = (header != null && header.startsWith("Bearer "))
				? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
		byte[] expected = this.properties.prometheusToken().strip().getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(given, expected)) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"greenroom-metrics\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		this.demand.scraped();
		chain.doFilter(request, response);
	}

}
