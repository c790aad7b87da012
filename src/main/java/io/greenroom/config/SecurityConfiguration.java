package io.greenroom.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for the dashboard. Everything needs the admin login except the login page,
 * static assets, the health check and the error page. CSRF protection is Spring
 * Security's default and stays on for every form.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** OME's admission webhook: authenticated by its signature, not by a login. */
	static final String ADMISSION_WEBHOOK = "/ome/admission";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, ADMISSION_WEBHOOK)
			.permitAll()
			.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error", "/actuator/health")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/apps", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("GREENROOM_SESSION"))
			// OME signs the webhook with HMAC; it has no session, so no CSRF token
			// either.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(ADMISSION_WEBHOOK))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
