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
		int queryStart = url.indexOf('?', pathStart);
		String path = (queryStart < 0) ? url.substring(pathStart + 1) : url.substring(pathStart + 1, queryStart);
		String[] segments = path.split("/", -1);
		if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
			return null;
		}
		Map<String, String> query = new HashMap<>();
		if (queryStart >= 0) {
			for (String pair : url.substring(queryStart + 1).split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					query.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
				}
			}
		}
		return new OmeUrl(url.substring(0, pathStart), segments[0], segments[1], query);
	}

	/** The URL without its query: where OME should put the stream. */
	String withoutQuery() {
		return this.base + "/" + this.app + "/" + this.stream;
	}

	private static String decode(String value) {
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
