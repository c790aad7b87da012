package io.greenroom.notify;

import org.jspecify.annotations.Nullable;

/**
 * A target as the sender thread sees it: an immutable copy of the entity.
 *
 * @param id the target's id
 * @param name its label
 * @param kind Discord or signed
 * @param url where to post
 * @param secret the signing secret (signed webhooks)
 * @param appName its app, or null for all
 * @param onLive see {@link TargetSettings}
 * @param onOffline see {@link TargetSettings}
 * @param onWrongKey see {@link TargetSettings}
 * @param onOmeDown see {@link TargetSettings}
 * @param includeViewerLink see {@link TargetSettings}
 * @param allowMentions see {@link TargetSettings}
 * @param template see {@link TargetSettings}
 * @param broken why it is broken, or null when it is not
 */
record TargetSpec(Long id, String name, TargetKind kind, String url, @Nullable String secret, @Nullable String appName,
		boolean onLive, boolean onOffline, boolean onWrongKey, boolean onOmeDown, boolean includeViewerLink,
		boolean allowMentions, @Nullable String template, @Nullable String broken) {

	static TargetSpec of(NotificationTarget target) {
		return new TargetSpec(target.getId(), target.getName(), target.getKind(), target.getUrl(),
				target.getSigningSecret(), target.getAppName(), target.isOnLive(), target.isOnOffline(),
				target.isOnWrongKey(), target.isOnOmeDown(), target.isIncludeViewerLink(), target.isAllowMentions(),
				target.getTemplate(), target.getBrokenReason());
	}

	boolean covers(String app) {
		return this.appName == null || this.appName.equals(app);
	}

	TargetSpec withBroken(@Nullable String reason) {
		return new TargetSpec(this.id, this.name, this.kind, this.url, this.secret, this.appName, this.onLive,
				this.onOffline, this.onWrongKey, this.onOmeDown, this.includeViewerLink, this.allowMentions,
				this.template, reason);
	}

	@Override
	public String toString() {
		return "target " + this.id + " (" + Secrets.describeUrl(this.url) + ")";
	}

}
