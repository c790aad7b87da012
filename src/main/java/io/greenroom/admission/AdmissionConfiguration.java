package io.greenroom.admission;

import java.time.Clock;

import io.greenroom.ome.OmeSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.catalina.valves.RemoteIpValve;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Wires the plain admission pieces, which tests create with {@code new}.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

	@Bean
	KeyGuard keyGuard(AdmissionProperties properties, Clock clock, LogBudget budget) {
		return new KeyGuard(properties, clock, budget);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	LogBudget logBudget() {
		return new LogBudget();
	}

	@Bean
	BackgroundPriority backgroundPriority() {
		return new BackgroundPriority();
	}

	@Bean
	ReadAheadCheck readAheadCheck() {
		return new ReadAheadCheck();
	}

	@Bean
	ViewerTokens viewerTokens(OmeSecrets secrets, Clock clock) {
		return new ViewerTokens(secrets.viewerTokenKey(), clock);
	}

	/**
	 * Ahead of every other filter, the login chain included: see
	 * {@link AdmissionEndpoint}.
	 */
	@Bean
	FilterRegistrationBean<AdmissionEndpoint> admissionEndpoint(AdmissionPolicy policy, OmeSecrets secrets,
			ObjectMapper json, LogBudget budget, ObjectProvider<MeterRegistry> meters) {
		AdmissionAnswers answers = new AdmissionAnswers(meters.getIfAvailable(CompositeMeterRegistry::new));
		FilterRegistrationBean<AdmissionEndpoint> registration = new FilterRegistrationBean<>(new AdmissionEndpoint(
				new AdmissionWebhook(policy, secrets::admissionSecretKey, json.tokenStreamFactory(), budget, answers)));
		registration.addUrlPatterns(AdmissionEndpoint.PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Tomcat's proxy valve (behind Caddy, {@code server.forward-headers-strategy=native})
	 * also copies the peer, host, port and protocol into five request attributes for an
	 * access log valve, on every request: five map insertions and listener notifications
	 * per admission answer, about 3% of all allocation under load. Greenroom has no
	 * access log valve; the forwarded address, scheme and port still apply.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> proxyValveWithoutAccessLogAttributes() {
		return (factory) -> factory.getEngineValves()
			.stream()
			.filter(RemoteIpValve.class::isInstance)
			.forEach((valve) -> ((RemoteIpValve) valve).setRequestAttributesEnabled(false));
	}

	@Bean(destroyMethod = "close")
	AdmissionSnapshotWriter admissionSnapshotWriter(AdmissionProperties properties, OmeSecrets secrets,
			Environment environment) {
		return new AdmissionSnapshotWriter(properties.snapshotPath(),
				environment.getProperty("spring.datasource.url", ""), secrets);
	}

	/**
	 * Just before Tomcat takes the port: reads the catalogue (so the first answers do not
	 * wait for it), then stops {@link EarlyAdmission}, if it ran, and takes over what it
	 * did.
	 */
	@Bean
	SmartLifecycle earlyAdmissionHandOver(ObjectProvider<EarlyAdmission> early, SlotDirectory directory,
			LivePublishers live, SessionHistory history, ApplicationEventPublisher events, LiveControl control) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				directory.current();
				early.ifAvailable((answering) -> answering.handOver(live, history, events, control::kickLater));
				this.running = true;
			}

			@Override
			public void stop() {
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1025;
			}

		};
	}

	@Bean
	AdmissionPolicy admissionPolicy(SlotDirectory directory, LivePublishers live, KeyGuard guard,
			AdmissionProperties properties, LogBudget budget, ViewerTokens viewerTokens, SessionRecorder history,
			LiveControl control, ApplicationEventPublisher events, Clock clock) {
		return new AdmissionPolicy(directory, live, guard, new TrustedProxies(properties.trustedProxies()), budget,
				viewerTokens, history, control::kickLater, events, clock);
	}

}
