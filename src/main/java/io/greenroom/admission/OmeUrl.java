package io.greenroom.admission;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an OME URL that admission needs:
 * {@code scheme://host:port/app/stream?query}.
 *
 * @param base {@code scheme://host:port}
 * @param app the application
 * @param stream the stream name
 * @param query decoded query parameters
 */
record OmeUrl(String base, String app, String stream, Map<String, String> query) {

	/** Parses the URL, or returns null when it is not {@code /app/stream}. */
	static @Nullable OmeUrl parse(String url) {
		int scheme = url.indexOf("://");
		if (scheme <= 0) {
			return null;
		}
		int pathStart = url.indexOf('/', scheme + 3);
		if (pathStart < 0) {
			return null;
		}
		// By index rather than split: OME asks for every publish and play, and the
		// arrays and substrings of splitting were 5% of all allocation under load.
		int queryStart = url.indexOf('?', pathStart);
		int pathEnd = (queryStart < 0) ? url.length() : queryStart;
		int slash = url.indexOf('/', pathStart + 1);
		if (slash < 0 || slash >= pathEnd || slash == pathStart + 1 || slash == pathEnd - 1) {
			return null;
		}
		int another = url.indexOf('/', slash + 1);
		if (another >= 0 && another < pathEnd) {
			return null;
		}
		Map<String, String> query = new HashMap<>();
		for (int at = queryStart + 1; queryStart >= 0 && at < url.length();) {
			int ampersand = url.indexOf('&', at);
			int end = (ampersand < 0) ? url.length() : ampersand;
			int equals = url.indexOf('=', at);
			if (equals > at && equals < end) {
				query.putIfAbsent(decode(url.substring(at, equals)), decode(url.substring(equals + 1, end)));
			}
			at = end + 1;
		}
		return new OmeUrl(url.substring(0, pathStart), url.substring(pathStart + 1, slash),
				url.substring(slash + 1, pathEnd), query);
	}

	/** The URL without its query: where OME should put the stream. */
	String withoutQuery() {
		return this.base + "/" + this.app + "/" + this.stream;
	}

	private static String decode(String value) {
		if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
			return value;
		}
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	@Override
	public String toString() {
		return "OmeUrl[" + this.app + "/" + this.stream + "]";
	}

}
