package io.greenroom.live;

import java.time.Clock;

import io.greenroom.admission.LivePublishers;
import io.greenroom.ome.OmeApiClient;
import io.greenroom.stream.App;
import io.greenroom.stream.StreamCatalog;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the poller, which tests create with {@code new}.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	@Bean(destroyMethod = "stop")
	OmePoller omePoller(OmeApiClient api, StreamCatalog catalog, LivePublishers live, LiveProperties properties,
			LiveDemand demand, ApplicationEventPublisher events, Clock clock) {
		return new OmePoller(api,
				() -> OmePoller.union(catalog.allApps().stream().map(App::getName).toList(), live.liveApps()),
				live::liveApps, properties, demand, events, clock);
	}

	/**
	 * Ahead of the login chain: the scrape token, not the admin login, decides who reads
	 * the metrics.
	 */
	@Bean
	FilterRegistrationBean<PrometheusAccess> prometheusAccess(MetricsProperties properties, LiveDemand demand) {
		FilterRegistrationBean<PrometheusAccess> registration = new FilterRegistrationBean<>(
				new PrometheusAccess(properties, demand));
		registration.addUrlPatterns(PrometheusAccess.PATH, PrometheusAccess.PATH + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Starts polling once Greenroom is ready, not while its beans are still being made.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> omePollerStart(OmePoller poller) {
		return (event) -> poller.start();
	}

}
