package io.greenroom.notify;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Posts one message to one target, with connect, read and call timeouts, and says what
 * became of it. Never retries by itself: {@link Notifier} decides.
 */
class WebhookClient {

	private static final MediaType JSON = MediaType.get("application/json");

	private static final int MAX_ERROR = 300;

	private final OkHttpClient http;

	private final ObjectMapper json;

	private final Duration maxRetryAfter;

	private final Clock clock;

	WebhookClient(NotifyProperties properties, ObjectMapper json, Clock clock) {
		Duration timeout = properties.timeout();
		Duration connect = (timeout.compareTo(Duration.ofSeconds(5)) < 0) ? timeout : Duration.ofSeconds(5);
		this.http = new OkHttpClient.Builder().connectTimeout(connect)
			.readTimeout(timeout)
			.writeTimeout(timeout)
			.callTimeout(timeout)
			.followRedirects(false)
			.retryOnConnectionFailure(false)
			.build();
		this.json = json;
		this.maxRetryAfter = properties.maxRetryAfter();
		this.clock = clock;
	}

	Outcome post(TargetSpec target, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Request.Builder request = new Request.Builder().url(target.url())
			.header("User-Agent", "Greenroom (notifications)")
			.post(RequestBody.create(bytes, JSON));
		if (target.kind() == TargetKind.SIGNED && target.secret() != null) {
			long timestamp = this.clock.instant().getEpochSecond();
			request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
			request.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp, bytes));
		}
		try (Response response = this.http.newCall(request.build()).execute()) {
			return outcome(target, response);
		}
		catch (InterruptedIOException ex) {
			return new Outcome(Outcome.Result.RETRY, "timed out",
					"no answer within " + this.http.callTimeoutMillis() + " ms", null);
		}
		catch (IOException ex) {
			return new Outcome(Outcome.Result.RETRY, "no connection",
					ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		}
		catch (IllegalArgumentException ex) {
			return new Outcome(Outcome.Result.FAILED, "bad URL", ex.getMessage(), null);
		}
	}

	private Outcome outcome(TargetSpec target, Response response) throws IOException {
		int code = response.code();
		String status = "HTTP " + code;
		if (response.isSuccessful()) {
			return new Outcome(Outcome.Result.DELIVERED, status, null, null);
		}
		String text = errorText(response.body());
		if (code == 429) {
			return new Outcome(Outcome.Result.RETRY, status, text, retryAfter(response, text));
		}
		if (code >= 500 || code == 408) {
			return new Outcome(Outcome.Result.RETRY, status, text, null);
		}
		if (target.kind() == TargetKind.DISCORD && (code == 401 || code == 403 || code == 404)) {
			return new Outcome(Outcome.Result.BROKEN, status, text, null);
		}
		return new Outcome(Outcome.Result.FAILED, status, text, null);
	}

	/**
	 * Discord's wait: the body's {@code retry_after} (seconds, fractional), else the
	 * {@code Retry-After} header (seconds), else one second; never more than the cap.
	 */
	private Duration retryAfter(Response response, @Nullable String text) {
		Double seconds = null;
		if (text != null) {
			try {
				JsonNode node = this.json.readTree(text);
				JsonNode retry = node.get("retry_after");
				if (retry != null && retry.isNumber()) {
					seconds = retry.asDouble();
				}
			}
			catch (JacksonException ex) {
				// not JSON: try the header
			}
		}
		if (seconds == null) {
			String header = response.header("Retry-After");
			if (header != null) {
				try {
					seconds = Double.parseDouble(header.strip());
				}
				catch (NumberFormatException ex) {
					// an HTTP date: not used by Discord
				}
			}
		}
		Duration wait = (seconds != null && seconds >= 0) ? Duration.ofMillis((long) Math.ceil(seconds * 1000))
				: Duration.ofSeconds(1);
		return (wait.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : wait;
	}

	/** The target's error as it said it: Discord's JSON, shortened. */
	private static @Nullable String errorText(@Nullable ResponseBody body) throws IOException {
		if (body == null) {
			return null;
		}
		String text = body.string().strip();
		if (text.isEmpty()) {
			return null;
		}
		return (text.length() > MAX_ERROR) ? text.substring(0, MAX_ERROR) + "…" : text;
	}

}
