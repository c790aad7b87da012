package io.greenroom.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for the dashboard. OME's admission webhook never reaches this chain: its own
 * filter answers it first and checks OME's signature instead. Everything needs the admin
 * login except the login page, static assets, the health check and the error page. The
 * Prometheus endpoint has its own bearer token, checked by a filter of the live module
 * ahead of this chain. CSRF protection is Spring Security's default and stays on for
 * every form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/watch/**", "/layout/**", "/call/**",
					"/live/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/prometheus")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/apps", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("GREENROOM_SESSION"))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

}
