package io.greenroom.config;

import java.time.Clock;

import io.greenroom.account.LoginThrottle;

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

/**
 * Form login for the dashboard. OME's admission webhook never reaches this chain: its own
 * filter answers it first and checks OME's signature instead. Everything needs the admin
 * login except the login page, static assets, the public player pages, streamer links
 * ({@code /go/**}, whose token is the key), the health check and the error page. CSRF
 * protection is Spring Security's default and stays on for every form. Failed logins are
 * slowed down by {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

	@Bean
	LoginThrottle loginThrottle(Clock clock) {
		return new LoginThrottle(clock);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/watch/**", "/layout/**", "/call/**",
					"/live/**", "/go/**", "/favicon.ico", "/error", "/actuator/health")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/apps", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("GREENROOM_SESSION"))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny()));
		return http.build();
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
