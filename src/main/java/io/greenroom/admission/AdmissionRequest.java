package io.greenroom.admission;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * The JSON OME posts, exactly as OME names it. Fields may be missing in a bad body, so
 * all are nullable here and {@link #problem()} says what is wrong.
 *
 * @param client who connects
 * @param request what they ask for
 */
record AdmissionRequest(@Nullable Client client, @Nullable Request request) {

	/**
	 * {@code client}.
	 *
	 * @param address the peer address OME sees
	 * @param port the peer port
	 * @param realIp OME's copy of the request's {@code X-Real-IP} header (else the first
	 * {@code X-Forwarded-For} entry, else {@code address}): only as true as the proxy
	 * that wrote it, see {@link TrustedProxies}
	 * @param userAgent the user agent (WebRTC only)
	 */
	record Client(@Nullable String address, @Nullable Integer port, @Nullable String realIp,
			@Nullable String userAgent) {
	}

	/**
	 * {@code request}.
	 *
	 * @param direction {@code incoming} (publish) or {@code outgoing} (play)
	 * @param protocol {@code RTMP}, {@code WebRTC}, {@code SRT} or {@code LLHLS}
	 * @param status {@code opening} or {@code closing}
	 * @param url the URL, query string included
	 * @param newUrl the redirect given at opening (closing only)
	 * @param time when OME sent it
	 */
	record Request(@Nullable String direction, @Nullable String protocol, @Nullable String status, @Nullable String url,
			@Nullable String newUrl, @Nullable String time) {
	}

	/**
	 * Reads OME's body with Jackson's streaming parser. Binding the records through
	 * databind called their constructors with {@code MethodHandle.invokeWithArguments},
	 * which built method types on every call: 4% of all allocation under the admission
	 * benchmark and a seventh of the request's CPU in reading JSON. Same leniency as
	 * databind's defaults: unknown properties are skipped (OME may add some), a port may
	 * come as a string, scalars are read as strings.
	 * @return the request, or null for an empty body
	 * @throws JacksonException when the body is not JSON or a value has the wrong shape
	 */
	static @Nullable AdmissionRequest read(JsonParser parser) {
		JsonToken first = parser.nextToken();
		if (first == null) {
			return null;
		}
		startObject(parser, "the body");
		Client client = null;
		Request request = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			if (name.equals("client")) {
				client = (value == JsonToken.VALUE_NULL) ? null : readClient(parser);
			}
			else if (name.equals("request")) {
				request = (value == JsonToken.VALUE_NULL) ? null : readRequest(parser);
			}
			else {
				parser.skipChildren();
			}
		}
		return new AdmissionRequest(client, request);
	}

	private static Client readClient(JsonParser parser) {
		startObject(parser, "client");
		String address = null;
		Integer port = null;
		String realIp = null;
		String userAgent = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "address" -> address = string(parser);
				case "port" -> port = integer(parser);
				case "real_ip" -> realIp = string(parser);
				case "user_agent" -> userAgent = string(parser);
				default -> parser.skipChildren();
			}
		}
		return new Client(address, port, realIp, userAgent);
	}

	private static Request readRequest(JsonParser parser) {
		startObject(parser, "request");
		String direction = null;
		String protocol = null;
		String status = null;
		String url = null;
		String newUrl = null;
		String time = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "direction" -> direction = string(parser);
				case "protocol" -> protocol = string(parser);
				case "status" -> status = string(parser);
				case "url" -> url = string(parser);
				case "new_url" -> newUrl = string(parser);
				case "time" -> time = string(parser);
				default -> parser.skipChildren();
			}
		}
		return new Request(direction, protocol, status, url, newUrl, time);
	}

	private static void startObject(JsonParser parser, String what) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			throw new StreamReadException(parser, what + " must be a JSON object");
		}
	}

	private static @Nullable String string(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (!token.isScalarValue()) {
			throw new StreamReadException(parser, parser.currentName() + " must be a string");
		}
		return parser.getString();
	}

	private static @Nullable Integer integer(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getIntValue();
		}
		if (token == JsonToken.VALUE_STRING) {
			try {
				return Integer.valueOf(parser.getString().trim());
			}
			catch (NumberFormatException ex) {
				// Reported below, as any other wrong shape.
			}
		}
		throw new StreamReadException(parser, parser.currentName() + " must be a whole number");
	}

	/** What is missing or malformed, in one line, or null when the request is usable. */
	@Nullable String problem() {
		if (this.client == null) {
			return "missing client";
		}
		if (this.request == null) {
			return "missing request";
		}
		if (this.client.address() == null || this.client.port() == null) {
			return "missing client.address or client.port";
		}
		if (this.request.direction() == null
				|| !(this.request.direction().equals("incoming") || this.request.direction().equals("outgoing"))) {
			return "request.direction must be incoming or outgoing";
		}
		if (this.request.status() == null
				|| !(this.request.status().equals("opening") || this.request.status().equals("closing"))) {
			return "request.status must be opening or closing";
		}
		if (this.request.protocol() == null || this.request.protocol().isBlank()) {
			return "missing request.protocol";
		}
		if (this.request.url() == null || this.request.url().isBlank()) {
			return "missing request.url";
		}
		return null;
	}

	@Override
	public String toString() {
		// The URL carries secrets: never print it.
		return "AdmissionRequest["
				+ ((this.request != null)
						? this.request.direction() + " " + this.request.protocol() + " " + this.request.status() : "?")
				+ "]";
	}

}
