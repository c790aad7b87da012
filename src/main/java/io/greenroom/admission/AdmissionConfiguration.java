package io.greenroom.admission;

import java.time.Clock;

import io.greenroom.ome.OmeSecrets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain admission pieces, which tests create with {@code new}.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

	@Bean
	KeyGuard keyGuard(AdmissionProperties properties, Clock clock) {
		return new KeyGuard(properties, clock);
	}

	@Bean
	ViewerTokens viewerTokens(OmeSecrets secrets, Clock clock) {
		return new ViewerTokens(secrets.viewerTokenKey(), clock);
	}

	@Bean
	AdmissionPolicy admissionPolicy(SlotDirectory directory, LivePublishers live, KeyGuard guard,
			ViewerTokens viewerTokens, SessionHistory history, ApplicationEventPublisher events, Clock clock) {
		return new AdmissionPolicy(directory, live, guard, viewerTokens, history, events, clock);
	}

}
