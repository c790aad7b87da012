package io.greenroom.live;

import java.time.Clock;

import io.greenroom.admission.LivePublishers;
import io.greenroom.ome.OmeApiClient;
import io.greenroom.stream.App;
import io.greenroom.stream.StreamCatalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the poller, which tests create with {@code new}.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	OmePoller omePoller(OmeApiClient api, StreamCatalog catalog, LivePublishers live, LiveProperties properties,
			LiveDemand demand, ApplicationEventPublisher events, Clock clock) {
		return new OmePoller(api,
				() -> OmePoller.union(catalog.allApps().stream().map(App::getName).toList(), live.liveApps()),
				properties, demand, events, clock);
	}

}
