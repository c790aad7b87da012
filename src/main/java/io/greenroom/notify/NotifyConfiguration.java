package io.greenroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.greenroom.admission.SlotDirectory;
import io.greenroom.admission.ViewerTokens;
import io.greenroom.publish.PublicProperties;
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
			SlotDirectory directory, ViewerLinks links, Clock clock) {
		// From admission's in-memory copy of the catalogue: with a target for every
		// event, two queries per go-live and per offline ran Hibernate hundreds of
		// times a second under load.
		SlotFacts.Source slots = (app, slot) -> {
			String name = directory.displayName(app, slot);
			return new SlotFacts((name != null) ? name : slot, directory.privateViewing(app));
		};
		return new Notifier(properties, targets, client, messages, slots, links::links, clock);
	}

}
