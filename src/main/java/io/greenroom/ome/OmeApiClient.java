package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * OME's REST API ({@code Authorization: Basic base64(AccessToken)}). Every call has
 * connect, read and whole-call timeouts; a failure is logged with app, stream and status
 * and reported to the caller, never thrown into admission.
 */
@Component
public class OmeApiClient {

	private static final Logger logger = LoggerFactory.getLogger(OmeApiClient.class);

	/** What a kick did. */
	public enum KickResult {

		/** OME cut the publisher off. */
		KICKED,

		/** OME had no such stream (already gone). */
		NOT_LIVE,

		/** OME refused or could not be reached. */
		FAILED

	}

	private final OkHttpClient http;

	private final HttpUrl baseUrl;

	private final OmeSecrets secrets;

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	OmeApiClient(OmeProperties properties, OmeSecrets secrets) {
		this(HttpUrl.get(properties.apiUrl()), secrets, Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	OmeApiClient(HttpUrl baseUrl, OmeSecrets secrets, Duration connectTimeout, Duration callTimeout) {
		this.baseUrl = baseUrl;
		this.secrets = secrets;
		this.http = new OkHttpClient.Builder().connectTimeout(connectTimeout)
			.readTimeout(callTimeout)
			.writeTimeout(callTimeout)
			.callTimeout(callTimeout)
			.retryOnConnectionFailure(false)
			.build();
	}

	/**
	 * Cuts off the publisher of {@code app/stream} ({@code DELETE .../streams/{stream}}).
	 */
	public KickResult kick(String app, String stream) {
		HttpUrl url = this.baseUrl.newBuilder()
			.addPathSegments("v1/vhosts/default/apps")
			.addPathSegment(app)
			.addPathSegment("streams")
			.addPathSegment(stream)
			.build();
		Request request = new Request.Builder().url(url).delete().header("Authorization", authorization()).build();
		try (Response response = this.http.newCall(request).execute()) {
			if (response.code() == 200) {
				logger.info("Kicked the publisher of {}/{} through OME's API", app, stream);
				return KickResult.KICKED;
			}
			if (response.code() == 404) {
				return KickResult.NOT_LIVE;
			}
			logger.warn("OME's API refused to kick {}/{}: HTTP {}", app, stream, response.code());
			return KickResult.FAILED;
		}
		catch (IOException ex) {
			logger.warn("Could not reach OME's API at {} to kick {}/{}: {}", this.baseUrl, app, stream,
					ex.getMessage());
			return KickResult.FAILED;
		}
	}

	/**
	 * The streams OME has in {@code app} now ({@code GET .../apps/{app}/streams}), or
	 * empty when OME cannot say: unreachable, a wrong token, or an answer that is not
	 * OME's. An app OME does not run (404) has no streams.
	 */
	public Optional<Set<String>> liveStreams(String app) throws OmeUnreachableException {
		HttpUrl url = this.baseUrl.newBuilder()
			.addPathSegments("v1/vhosts/default/apps")
			.addPathSegment(app)
			.addPathSegment("streams")
			.build();
		Request request = new Request.Builder().url(url).get().header("Authorization", authorization()).build();
		try (Response response = this.http.newCall(request).execute()) {
			if (response.code() == 404) {
				return Optional.of(Set.of());
			}
			if (response.code() != 200) {
				logger.warn("OME's API refused to list the streams of {}: HTTP {}", app, response.code());
				return Optional.empty();
			}
			JsonNode names = this.json.readTree(response.body().byteStream()).path("response");
			if (!names.isArray()) {
				logger.warn("OME's API listed the streams of {} in an unexpected shape", app);
				return Optional.empty();
			}
			Set<String> streams = new HashSet<>();
			names.forEach((name) -> streams.add(name.asString()));
			return Optional.of(streams);
		}
		catch (JacksonException ex) {
			logger.warn("OME's API listed the streams of {} in a body that is not JSON", app);
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new OmeUnreachableException(this.baseUrl + ": " + ex.getMessage());
		}
	}

	/** OME's API did not answer at all; asking about other apps now would not help. */
	public static class OmeUnreachableException extends Exception {

		public OmeUnreachableException(String message) {
			super(message);
		}

	}

	private String authorization() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(this.secrets.current().apiAccessToken().getBytes(StandardCharsets.UTF_8));
	}

}
