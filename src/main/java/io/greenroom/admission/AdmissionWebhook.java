package io.greenroom.admission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * OME's admission webhook, whatever server carries it: Tomcat through
 * {@link AdmissionEndpoint} once Greenroom is up, and {@link EarlyAdmission} while it
 * starts. Authenticated by OME's HMAC signature, checked on the raw bytes before anything
 * is parsed.
 * <p>
 * Answers: 200 with the decision; 401 with an empty body for a missing or wrong
 * signature; 413 for a body over 16 KB; 400 with a one-line reason for a body that is not
 * OME's JSON; 405 for anything but POST. Never a stack trace: OME treats all of them as
 * "deny" anyway.
 */
final class AdmissionWebhook {

	/**
	 * What to send back.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body, or null for none
	 */
	record Answer(int status, byte @Nullable [] body) {
	}

	static final Answer NOT_POST = new Answer(405, null);

	static final Answer TOO_LARGE = new Answer(413, null);

	static final Answer UNSIGNED = new Answer(401, null);

	static final Answer FAILED = new Answer(500, null);

	private static final Logger logger = LoggerFactory.getLogger(AdmissionWebhook.class);

	/** The answer to a closing request. */
	private static final Answer CLOSED = new Answer(200, "{}".getBytes(StandardCharsets.US_ASCII));

	private static final int MAX_ENCODED_ANSWERS = 64;

	private final AdmissionPolicy policy;

	private final Supplier<String> secretKey;

	private final TokenStreamFactory json;

	private final LogBudget budget;

	private final AdmissionAnswers answers;

	/**
	 * Answers that do not depend on the stream (refusals, public plays), encoded once: a
	 * few kinds make up nearly all of them. Bounded, since a reason can name what OME
	 * sent.
	 */
	private final Map<AdmissionResponse, Answer> encoded = new ConcurrentHashMap<>();

	/**
	 * @param secretKey the key OME signs with, asked for at every request (it is cached
	 * where it comes from)
	 * @param json reads requests and writes answers token by token: no object mapper, so
	 * the same few classes serve a start that has none yet
	 */
	AdmissionWebhook(AdmissionPolicy policy, Supplier<String> secretKey, TokenStreamFactory json, LogBudget budget,
			AdmissionAnswers answers) {
		this.policy = policy;
		this.secretKey = secretKey;
		this.json = json;
		this.budget = budget;
		this.answers = answers;
	}

	/**
	 * The answer to one request. Once it is sent, call {@link #afterAnswer()}.
	 * @param method the HTTP method
	 * @param declaredLength the Content-Length, or -1 when there is none
	 * @param body the request body
	 * @param signature OME's signature header, if any
	 * @param peer who sent it, asked for only when a refusal is logged
	 */
	Answer answer(String method, long declaredLength, InputStream body, @Nullable String signature,
			Supplier<String> peer) throws IOException {
		if (!"POST".equals(method)) {
			return NOT_POST;
		}
		try {
			return admit(declaredLength, body, signature, peer);
		}
		catch (RuntimeException ex) {
			// Our bug: OME reads a 500 as "deny", which is the safe answer.
			logger.error("Admission failed", ex);
			this.answers.failed.increment();
			return FAILED;
		}
	}

	/**
	 * Tells listeners (notifications included) what the last answer on this thread
	 * caused, once OME has it.
	 */
	void afterAnswer() {
		this.policy.announcePending();
	}

	/** Whether the last answer on this thread left something for {@link #afterAnswer}. */
	boolean hasPending() {
		return this.policy.hasPending();
	}

	private Answer admit(long declaredLength, InputStream in, @Nullable String signature, Supplier<String> peer)
			throws IOException {
		if (declaredLength > AdmissionProperties.MAX_BODY_BYTES) {
			this.answers.rejected.increment();
			return TOO_LARGE;
		}
		byte[] body = readBody(declaredLength, in);
		if (body == null) {
			this.answers.rejected.increment();
			return TOO_LARGE;
		}
		if (!OmeSignature.verify(this.secretKey.get(), body, signature)) {
			String from = peer.get();
			if (this.budget.allow(LogBudget.Kind.SIGNATURE, from)) {
				logger.warn("Refused an admission request from {} with a {} signature", from,
						(signature == null) ? "missing" : "wrong");
			}
			this.answers.unauthorized.increment();
			return UNSIGNED;
		}
		AdmissionRequest admission;
		try {
			try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), body)) {
				admission = AdmissionRequest.read(parser);
			}
		}
		catch (JacksonException ex) {
			this.answers.rejected.increment();
			return badRequest("body is not the JSON OME sends");
		}
		String problem = (admission != null) ? admission.problem() : "empty body";
		if (problem != null) {
			this.answers.rejected.increment();
			return badRequest(problem);
		}
		AdmissionResponse decision = this.policy.decide(admission);
		if (decision == null) {
			this.answers.closing.increment();
			return CLOSED;
		}
		if (decision.allowed()) {
			this.answers.allowed.increment();
		}
		else {
			this.answers.denied.increment();
			logger.debug("Denied {}: {}", admission, decision.reason());
		}
		return encoded(decision);
	}

	private Answer encoded(AdmissionResponse decision) {
		boolean reusable = decision.newUrl() == null && (decision.lifetime() == null || decision.lifetime() == 0);
		if (!reusable) {
			return new Answer(200, encode(decision));
		}
		Answer answer = this.encoded.get(decision);
		if (answer == null) {
			answer = new Answer(200, encode(decision));
			if (this.encoded.size() < MAX_ENCODED_ANSWERS) {
				this.encoded.putIfAbsent(decision, answer);
			}
		}
		return answer;
	}

	/**
	 * The raw body, or null when it is larger than allowed. OME always sends a
	 * Content-Length, so the usual case reads exactly that many bytes into one array (no
	 * 8 KB scratch buffer per request, which showed up as garbage under load).
	 */
	private static byte @Nullable [] readBody(long declared, InputStream body) throws IOException {
		try (InputStream in = body) {
			if (declared >= 0) {
				byte[] bytes = new byte[(int) declared];
				int read = in.readNBytes(bytes, 0, bytes.length);
				return (read == bytes.length && in.read() == -1) ? bytes
						: (read < bytes.length) ? java.util.Arrays.copyOf(bytes, read) : null;
			}
			byte[] bytes = in.readNBytes(AdmissionProperties.MAX_BODY_BYTES + 1);
			return (bytes.length > AdmissionProperties.MAX_BODY_BYTES) ? null : bytes;
		}
	}

	/**
	 * The reply as OME reads it: {@code allowed}, then {@code new_url}, {@code lifetime}
	 * and {@code reason} when they have a value.
	 */
	private byte[] encode(AdmissionResponse decision) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(96);
		try (JsonGenerator json = this.json.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeBooleanProperty("allowed", decision.allowed());
			if (decision.newUrl() != null) {
				json.writeStringProperty("new_url", decision.newUrl());
			}
			if (decision.lifetime() != null) {
				json.writeNumberProperty("lifetime", decision.lifetime().longValue());
			}
			if (decision.reason() != null) {
				json.writeStringProperty("reason", decision.reason());
			}
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	private Answer badRequest(String reason) {
		logger.debug("Bad admission request: {}", reason);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		try (JsonGenerator json = this.json.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeStringProperty("reason", reason);
			json.writeEndObject();
		}
		return new Answer(400, out.toByteArray());
	}

}
