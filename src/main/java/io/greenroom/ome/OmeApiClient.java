package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
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

	/**
	 * A client for OME's API at {@code baseUrl}, giving up on a connection after
	 * {@code connectTimeout} and on a whole call after {@code callTimeout}.
	 */
	public OmeApiClient(HttpUrl baseUrl, OmeSecrets secrets, Duration connectTimeout, Duration callTimeout) {
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

	/**
	 * The names of the streams OME has in {@code app} now; none for an app OME does not
	 * run (404).
	 * @throws OmeApiException when OME refuses (a wrong token) or answers in a shape that
	 * is not OME's
	 * @throws OmeUnreachableException when OME does not answer in time
	 */
	public List<String> streamNames(String app) throws OmeApiException {
		JsonNode names = get(streamsUrl(app).build(), "the streams of " + app);
		if (names == null) {
			return List.of();
		}
		if (!names.isArray()) {
			throw new OmeApiException("OME's API listed the streams of " + app + " in an unexpected shape");
		}
		List<String> streams = new ArrayList<>();
		names.forEach((name) -> streams.add(name.asString()));
		return streams;
	}

	/**
	 * The input tracks of {@code app/stream} ({@code GET .../streams/{stream}}), without
	 * traffic figures, or empty when OME no longer has the stream (404: it just ended).
	 */
	public Optional<OmeStream> streamDetail(String app, String stream) throws OmeApiException {
		JsonNode detail = get(streamsUrl(app).addPathSegment(stream).build(), "stream " + app + "/" + stream);
		if (detail == null) {
			return Optional.empty();
		}
		JsonNode input = detail.path("input");
		if (!input.isObject()) {
			throw new OmeApiException("OME's API described stream " + app + "/" + stream + " in an unexpected shape");
		}
		OmeStream.Video video = null;
		OmeStream.Audio audio = null;
		for (JsonNode track : input.path("tracks")) {
			String type = track.path("type").asString("");
			if (type.equals("Video") && video == null) {
				JsonNode v = track.path("video");
				double framerate = number(v, "framerateLatest", number(v, "framerate", 0));
				double keyFrames = number(v, "keyFrameIntervalLatest", number(v, "keyFrameInterval", 0));
				if (keyFrames <= 0) {
					keyFrames = number(v, "keyFrameInterval", 0);
				}
				video = new OmeStream.Video(v.path("codec").asString(""), v.path("width").asInt(0),
						v.path("height").asInt(0), framerate, number(v, "framerateAvg", framerate),
						(long) number(v, "bitrateLatest", number(v, "bitrate", 0)),
						(long) number(v, "bitrateAvg", number(v, "bitrate", 0)), keyFrames,
						v.path("hasBframes").asBoolean(false));
			}
			else if (type.equals("Audio") && audio == null) {
				JsonNode a = track.path("audio");
				audio = new OmeStream.Audio(a.path("codec").asString(""),
						(long) number(a, "bitrateLatest", number(a, "bitrate", 0)));
			}
		}
		return Optional.of(new OmeStream(stream, instant(input.path("createdTime").asString(null)),
				input.path("sourceType").asString(""), input.path("sourceUrl").asString(""), video, audio, null));
	}

	/**
	 * The current traffic of {@code app/stream} ({@code GET
	 * /v1/stats/current/vhosts/default/apps/{app}/streams/{stream}}), or empty when OME
	 * no longer has the stream.
	 */
	public Optional<OmeStream.Stats> streamStats(String app, String stream) throws OmeApiException {
		HttpUrl url = this.baseUrl.newBuilder()
			.addPathSegments("v1/stats/current/vhosts/default/apps")
			.addPathSegment(app)
			.addPathSegment("streams")
			.addPathSegment(stream)
			.build();
		JsonNode stats = get(url, "the traffic of " + app + "/" + stream);
		if (stats == null) {
			return Optional.empty();
		}
		if (!stats.isObject()) {
			throw new OmeApiException(
					"OME's API gave the traffic of " + app + "/" + stream + " in an unexpected shape");
		}
		return Optional.of(new OmeStream.Stats(stats.path("connections").path("webrtc").asInt(0),
				stats.path("totalConnections").asInt(0), stats.path("totalBytesIn").asLong(0),
				stats.path("totalBytesOut").asLong(0), stats.path("lastThroughputOut").asLong(0)));
	}

	/** Where OME's API is, for messages. */
	public String baseUrl() {
		return this.baseUrl.toString();
	}

	/** The {@code response} of OME's reply, or null for a 404. */
	private @Nullable JsonNode get(HttpUrl url, String what) throws OmeApiException {
		Request request = new Request.Builder().url(url).get().header("Authorization", authorization()).build();
		try (Response response = this.http.newCall(request).execute()) {
			if (response.code() == 404) {
				return null;
			}
			if (response.code() != 200) {
				throw new OmeApiException("OME's API refused to give " + what + ": HTTP " + response.code()
						+ ((response.code() == 401) ? " (wrong access token)" : ""));
			}
			JsonNode body = this.json.readTree(response.body().byteStream());
			if (body == null || !body.has("response")) {
				throw new OmeApiException("OME's API gave " + what + " in a body that is not OME's");
			}
			return body.get("response");
		}
		catch (JacksonException ex) {
			throw new OmeApiException("OME's API gave " + what + " in a body that is not JSON");
		}
		catch (IOException ex) {
			throw new OmeUnreachableException(this.baseUrl + ": " + ex.getMessage());
		}
	}

	private HttpUrl.Builder streamsUrl(String app) {
		return this.baseUrl.newBuilder()
			.addPathSegments("v1/vhosts/default/apps")
			.addPathSegment(app)
			.addPathSegment("streams");
	}

	private static double number(JsonNode node, String field, double fallback) {
		JsonNode value = node.get(field);
		return (value != null && value.isNumber()) ? value.asDouble() : fallback;
	}

	private static @Nullable Instant instant(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * OME's API answered, but not with what was asked: a wrong token or a body not OME's.
	 */
	public static class OmeApiException extends Exception {

		public OmeApiException(String message) {
			super(message);
		}

	}

	/** OME's API did not answer at all; asking about other apps now would not help. */
	public static class OmeUnreachableException extends OmeApiException {

		public OmeUnreachableException(String message) {
			super(message);
		}

	}

	private String authorization() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(this.secrets.current().apiAccessToken().getBytes(StandardCharsets.UTF_8));
	}

}
