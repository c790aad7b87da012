package io.greenroom.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The add/edit form of a target. The URL is a secret: editing shows it empty, and empty
 * keeps the saved one.
 *
 * @param name a label
 * @param kind Discord or signed webhook
 * @param url the URL; empty on edit keeps the saved one
 * @param appName an app name, or empty for every app
 * @param onLive see {@link TargetSettings}
 * @param onOffline see {@link TargetSettings}
 * @param onWrongKey see {@link TargetSettings}
 * @param onOmeDown see {@link TargetSettings}; a form from a page older than this field
 * does not send it, which reads as unticked
 * @param includeViewerLink see {@link TargetSettings}
 * @param allowMentions see {@link TargetSettings}
 * @param template the text line; empty for the default
 */
record TargetForm(@NotBlank(message = "Give the target a name.") @Size(max = 64) String name,
		@NotNull(message = "Choose a kind.") TargetKind kind, @Nullable @Size(max = 512) String url,
		@Nullable String appName, boolean onLive, boolean onOffline, boolean onWrongKey, @Nullable Boolean onOmeDown,
		boolean includeViewerLink, boolean allowMentions,
		@Nullable @Size(max = 1000, message = "At most 1000 characters.") String template) {

	static TargetForm empty() {
		return new TargetForm("", TargetKind.DISCORD, "", "", true, true, false, true, false, false, "");
	}

	static TargetForm of(NotificationTarget target) {
		return new TargetForm(target.getName(), target.getKind(), "",
				(target.getAppName() != null) ? target.getAppName() : "", target.isOnLive(), target.isOnOffline(),
				target.isOnWrongKey(), target.isOnOmeDown(), target.isIncludeViewerLink(), target.isAllowMentions(),
				(target.getTemplate() != null) ? target.getTemplate() : "");
	}

	TargetSettings settings(String url) {
		return new TargetSettings(this.name.strip(), this.kind, url, blankToNull(this.appName), this.onLive,
				this.onOffline, this.onWrongKey, Boolean.TRUE.equals(this.onOmeDown), this.includeViewerLink,
				this.allowMentions, blankToNull(this.template));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
