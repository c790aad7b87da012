package io.greenroom.config;

import java.io.IOException;
import java.time.Duration;

import io.greenroom.account.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a login attempt that comes before {@link LoginThrottle} allows it, back to
 * the login page with how many seconds are left. The password is not checked.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = this.throttle.waitFor(request.getRemoteAddr(), request.getParameter("username"));
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			response.setHeader("Retry-After", Long.toString(seconds));
			response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
			return;
		}
		chain.doFilter(request, response);
	}

}
