package io.greenroom.admission;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

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
	 * @param realIp the address behind a proxy, when OME knows it
	 * @param userAgent the user agent (WebRTC only)
	 */
	record Client(@Nullable String address, @Nullable Integer port, @JsonProperty("real_ip") @Nullable String realIp,
			@JsonProperty("user_agent") @Nullable String userAgent) {

		/** The address to blame for wrong keys: the real one when known. */
		String origin() {
			return (this.realIp != null && !this.realIp.isBlank()) ? this.realIp
					: (this.address != null) ? this.address : "";
		}

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
			@JsonProperty("new_url") @Nullable String newUrl, @Nullable String time) {
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
