package io.greenroom.notify;

import org.jspecify.annotations.Nullable;

/**
 * What a producer chooses for a target, checked.
 *
 * @param name a label for the dashboard
 * @param kind Discord or signed webhook
 * @param url where messages are posted
 * @param appName the app it is for; null for every app
 * @param onLive tell when a slot goes live
 * @param onOffline tell when a slot goes offline
 * @param onWrongKey alert when a publish is refused for a wrong key
 * @param onOmeDown alert when OME's API stops answering for a while, and when it is back
 * @param includeViewerLink put signed viewer links in messages about private apps
 * @param allowMentions let the template's {@code @here} or role mentions ping
 * @param template the message line, with placeholders; null for the default
 */
record TargetSettings(String name, TargetKind kind, String url, @Nullable String appName, boolean onLive,
		boolean onOffline, boolean onWrongKey, boolean onOmeDown, boolean includeViewerLink, boolean allowMentions,
		@Nullable String template) {
}
