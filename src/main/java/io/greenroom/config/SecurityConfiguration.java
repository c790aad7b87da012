package io.greenroom.config;

import java.time.Clock;

import io.greenroom.account.LoginThrottle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for the dashboard. OME's admission webhook never reaches this chain: its own
 * filter answers it first and checks OME's signature instead. Everything needs the admin
 * login except the login page, static assets, the public player pages, streamer links
 * ({@code /go/**}, whose token is the key), the clock source page and its time endpoint,
 * the health check and the error page. CSRF protection is Spring Security's default and
 * stays on for every form; only the call page's seat endpoints, which no cookie
 * authorises, are exempt. Failed logins are slowed down by {@link LoginThrottle}. The
 * Prometheus endpoint has its own bearer token, checked by a filter of the live module
 * ahead of this chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

	/**
	 * The throttle, on the application's clock; slice tests that import this class have
	 * none and get the system's.
	 */
	@Bean
	LoginThrottle loginThrottle(ObjectProvider<Clock> clock) {
		return new LoginThrottle(clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/watch/**", "/layout/**", "/call/**",
					"/live/**", "/go/**", "/tools/clock", "/tools/time", "/favicon.ico", "/favicon.svg", "/error",
					"/actuator/health", "/actuator/prometheus")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/apps", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("GREENROOM_SESSION"))
			// The call page's seat endpoints are authorised by the participant token or
			// the
			// seat's random id, never by a cookie, so there is nothing for CSRF to
			// protect.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/call/*/seats", "/call/*/seats/**"))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(pathPatterns(INLINE_SCRIPT_PAGES)),
						new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_POLICY))));
		return http.build();
	}

	/**
	 * The dashboard's pages load scripts only from Greenroom itself: no inline script, no
	 * eval, and no framing. Media and WebRTC signalling go to OME, on another port or
	 * host.
	 */
	static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; "
			+ "connect-src 'self' http: https: ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * The viewer and tool pages OBS and browsers load: they carry their slot's settings
	 * as an inline script, so the dashboard's policy would stop them.
	 */
	static final String[] INLINE_SCRIPT_PAGES = { "/watch/**", "/layout/*/*", "/call/*", "/tools/clock",
			"/tools/latency/*/*" };

	private static RequestMatcher pathPatterns(String... patterns) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(java.util.Arrays.stream(patterns).<RequestMatcher>map(paths::matcher).toList());
	}

	@Bean
	LoginOutcomes loginOutcomes(LoginThrottle throttle) {
		return new LoginOutcomes(throttle);
	}

	/** Tells the throttle how each login attempt ended. */
	static class LoginOutcomes {

		private final LoginThrottle throttle;

		LoginOutcomes(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@EventListener
		void failed(AuthenticationFailureBadCredentialsEvent event) {
			this.throttle.failed(address(event), event.getAuthentication().getName());
		}

		@EventListener
		void succeeded(AuthenticationSuccessEvent event) {
			this.throttle.succeeded(address(event), event.getAuthentication().getName());
		}

		private static String address(AbstractAuthenticationEvent event) {
			return (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
					? details.getRemoteAddress() : "unknown";
		}

	}

}
