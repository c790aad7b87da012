package io.greenroom.admission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Sends admission requests shaped byte for byte like OME 0.19's (field order and headers
 * as recorded in {@code src/test/resources/ome-webhook}), signed with a real HMAC.
 */
public final class OmeWebhook {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final String url;

	private final String secretKey;

	public OmeWebhook(String baseUrl, String secretKey) {
		this.url = baseUrl + AdmissionEndpoint.PATH;
		this.secretKey = secretKey;
	}

	/** An opening request body, as OME writes it. */
	public static String opening(String direction, String protocol, String url, String address, int port,
			@Nullable String realIp, @Nullable String userAgent) {
		return "{\"client\":" + client(address, port, realIp, userAgent) + ",\"request\":{\"direction\":\"" + direction
				+ "\",\"protocol\":\"" + protocol
				+ "\",\"status\":\"opening\",\"time\":\"2026-11-24T18:53:31.578+00:00\",\"url\":\"" + url + "\"}}";
	}

	/** A closing request body, as OME writes it (with the redirect it was given). */
	public static String closing(String direction, String protocol, String url, String newUrl, String address, int port,
			@Nullable String realIp) {
		return "{\"client\":" + client(address, port, realIp, null) + ",\"request\":{\"direction\":\"" + direction
				+ "\",\"new_url\":\"" + newUrl + "\",\"protocol\":\"" + protocol
				+ "\",\"status\":\"closing\",\"time\":\"2026-11-24T18:54:28.896+00:00\",\"url\":\"" + url + "\"}}";
	}

	private static String client(String address, int port, @Nullable String realIp, @Nullable String userAgent) {
		return "{\"address\":\"" + address + "\",\"port\":" + port
				+ ((realIp != null) ? ",\"real_ip\":\"" + realIp + "\"" : "")
				+ ((userAgent != null) ? ",\"user_agent\":\"" + userAgent + "\"" : "") + "}";
	}

	/** The {@code X-OME-Signature} OME would send for this body. */
	public static String signature(String secretKey, String body) {
		return OmeSignature.sign(secretKey, body.getBytes(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> send(String body) throws IOException, InterruptedException {
		return send(body.getBytes(StandardCharsets.UTF_8),
				OmeSignature.sign(this.secretKey, body.getBytes(StandardCharsets.UTF_8)));
	}

	HttpResponse<String> send(byte[] body, @Nullable String signature) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("User-Agent", "OvenMediaEngine")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header(OmeSignature.HEADER, signature);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
