package io.greenroom.notify;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * How a target's URL and signing secret are shown and logged: never in full.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/**
	 * A new signing secret: 32 random bytes, as 64 hex digits, prefixed {@code whsec_}.
	 */
	static String newSigningSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}

	/** {@code ••••1a2b}: the last four characters only. */
	static String mask(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return "••••" + value.substring(Math.max(0, value.length() - 4));
	}

	/**
	 * What a log line may say about a URL: its host and its last four characters, e.g.
	 * {@code discord.com …a1b2}.
	 */
	static String describeUrl(@Nullable String url) {
		if (url == null) {
			return "(none)";
		}
		String host;
		try {
			host = URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			host = null;
		}
		return ((host != null) ? host : "?") + " …" + url.substring(Math.max(0, url.length() - 4));
	}

	/**
	 * A URL for the dashboard before Show: scheme and host, the rest masked, e.g.
	 * {@code https://discord.com/••••a1b2}.
	 */
	static String maskUrl(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() != null && uri.getRawAuthority() != null) {
				return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + mask(url);
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		return mask(url);
	}

}
