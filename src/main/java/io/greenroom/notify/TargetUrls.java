package io.greenroom.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks a target URL when it is saved, and says exactly what is wrong with it.
 */
final class TargetUrls {

	static final Set<String> DISCORD_HOSTS = Set.of("discord.com", "discordapp.com", "ptb.discord.com",
			"canary.discord.com", "ptb.discordapp.com", "canary.discordapp.com");

	private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{17,20}");

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

	private final boolean allowInsecure;

	/**
	 * @param allowInsecure accept {@code http://127.0.0.1} and {@code http://localhost}
	 * URLs, with any path (for tests against a local stand-in)
	 */
	TargetUrls(boolean allowInsecure) {
		this.allowInsecure = allowInsecure;
	}

	/** Null when the URL is fine for the kind, else what is wrong with it. */
	@Nullable String problem(TargetKind kind, @Nullable String url) {
		if (url == null || url.isBlank()) {
			return "Enter the URL.";
		}
		if (!url.equals(url.strip())) {
			return "Remove the spaces before or after the URL.";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "This is not a URL: " + ex.getReason() + ".";
		}
		if (uri.getScheme() == null || uri.getHost() == null) {
			return "This is not a full URL: it must start with https:// and a host name.";
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (this.allowInsecure && scheme.equals("http") && isLoopback(host)) {
			return null;
		}
		if (!scheme.equals("https")) {
			return "The URL must start with https:// (it starts with " + scheme + "://).";
		}
		if (uri.getRawUserInfo() != null) {
			return "The URL must not contain a user name or password.";
		}
		return (kind == TargetKind.DISCORD) ? discordProblem(uri, host) : null;
	}

	private static @Nullable String discordProblem(URI uri, String host) {
		if (!DISCORD_HOSTS.contains(host)) {
			return "A Discord webhook URL is on discord.com (or discordapp.com, ptb.discord.com, canary.discord.com),"
					+ " not on " + host + ".";
		}
		if (uri.getPort() != -1 && uri.getPort() != 443) {
			return "A Discord webhook URL has no port number.";
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return "Remove everything after the token (the part from ? or #).";
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		if (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String[] parts = path.split("/", -1);
		// "", "api", ["v10",] "webhooks", ID, TOKEN
		int at = 1;
		if (parts.length < 2 || !parts[at].equals("api")) {
			return "A Discord webhook URL's path starts with /api/webhooks/ (this one starts with " + firstPart(path)
					+ ").";
		}
		at++;
		if (parts.length > at && parts[at].matches("v[0-9]+")) {
			at++;
		}
		if (parts.length <= at || !parts[at].equals("webhooks")) {
			return "A Discord webhook URL's path is /api/webhooks/ID/TOKEN: \"webhooks\" is missing.";
		}
		at++;
		if (parts.length <= at || parts[at].isEmpty()) {
			return "The webhook ID is missing after /api/webhooks/.";
		}
		if (!SNOWFLAKE.matcher(parts[at]).matches()) {
			return "The webhook ID after /api/webhooks/ must be 17 to 20 digits; \"" + parts[at] + "\" is not.";
		}
		at++;
		if (parts.length <= at || parts[at].isEmpty()) {
			return "The token is missing after the webhook ID: copy the whole URL from Discord's"
					+ " Integrations → Webhooks → Copy Webhook URL.";
		}
		if (!TOKEN.matcher(parts[at]).matches()) {
			return "The token after the webhook ID looks cut short or has characters Discord does not use"
					+ " (letters, digits, - and _ only, 20 to 100 of them).";
		}
		if (parts.length > at + 1) {
			return "Remove what follows the token (/"
					+ String.join("/", java.util.Arrays.copyOfRange(parts, at + 1, parts.length)) + ").";
		}
		return null;
	}

	private static String firstPart(String path) {
		if (path.isEmpty() || path.equals("/")) {
			return "nothing";
		}
		int next = path.indexOf('/', 1);
		return (next < 0) ? path : path.substring(0, next);
	}

	private static boolean isLoopback(String host) {
		return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
	}

}
