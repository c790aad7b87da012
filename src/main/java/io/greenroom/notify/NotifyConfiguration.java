package io.greenroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.greenroom.admission.ViewerTokens;
import io.greenroom.publish.PublicProperties;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the notification pieces, which tests create with {@code new}.
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	/** How long a viewer link in a message about a private app works. */
	static final Duration VIEWER_LINK_LIFETIME = Duration.ofHours(24);

	@Bean
	NotificationTargets notificationTargets(NotificationTargetRepository targets, QueuedMessageRepository outbox,
			Clock clock) {
		return new NotificationTargets(targets, outbox, clock);
	}

	@Bean
	WebhookClient webhookClient(NotifyProperties properties, ObjectMapper json, Clock clock) {
		return new WebhookClient(properties, json, clock);
	}

	@Bean
	Messages notificationMessages(ObjectMapper json) {
		return new Messages(json, () -> UUID.randomUUID().toString());
	}

	@Bean
	ViewerLinks viewerLinks(PublicProperties site, @Value("${server.port:8080}") int serverPort, ViewerTokens tokens,
			Clock clock) {
		return new ViewerLinks(ViewerLinks.siteUrl(site, serverPort),
				(app, slot) -> tokens.issue(app, slot, clock.instant().plus(VIEWER_LINK_LIFETIME)));
	}

	@Bean
	Notifier notifier(NotifyProperties properties, NotificationTargets targets, WebhookClient client, Messages messages,
			StreamCatalog catalog, ViewerLinks links, Clock clock) {
		SlotFacts.Source slots = (app, slot) -> {
			boolean privateApp = catalog.findAppByName(app)
				.map(App::getAccessPolicy)
				.map((policy) -> policy.privateViewing())
				.orElse(false);
			String name = catalog.findSlot(app, slot)
				.map(Slot::getDisplayName)
				.filter((display) -> display != null && !display.isBlank())
				.orElse(slot);
			return new SlotFacts(name, privateApp);
		};
		return new Notifier(properties, targets, client, messages, slots, links::links, clock);
	}

}
