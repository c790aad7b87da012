package io.greenroom.notify;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A target as the list shows it: secrets masked, with the full values only in the
 * Show/Copy data attributes.
 *
 * @param id the id
 * @param name the label
 * @param kind its kind's label
 * @param scope the app, or "All apps"
 * @param events the ticked events, e.g. "live, offline"
 * @param url the URL
 * @param maskedUrl the URL masked
 * @param secret the signing secret, or null
 * @param maskedSecret the secret masked
 * @param broken why it is broken, or null
 * @param lastDeliveryAt when it was last posted to
 * @param lastDeliveryStatus the status of that post
 * @param lastDeliveryError its error, if any
 */
record TargetRow(Long id, String name, String kind, String scope, String events, String url, String maskedUrl,
		@Nullable String secret, String maskedSecret, @Nullable String broken, @Nullable Instant lastDeliveryAt,
		@Nullable String lastDeliveryStatus, @Nullable String lastDeliveryError) {

	static TargetRow of(NotificationTarget target) {
		java.util.List<String> events = new java.util.ArrayList<>();
		if (target.isOnLive()) {
			events.add("went live");
		}
		if (target.isOnOffline()) {
			events.add("went offline");
		}
		if (target.isOnWrongKey()) {
			events.add("wrong key");
		}
		if (target.isOnOmeDown()) {
			events.add("OME unreachable");
		}
		return new TargetRow(target.getId(), target.getName(), target.getKind().label(),
				(target.getAppName() != null) ? target.getAppName() : "All apps",
				events.isEmpty() ? "none" : String.join(", ", events), target.getUrl(),
				Secrets.maskUrl(target.getUrl()), target.getSigningSecret(), Secrets.mask(target.getSigningSecret()),
				target.getBrokenReason(), target.getLastDeliveryAt(), target.getLastDeliveryStatus(),
				target.getLastDeliveryError());
	}

}
