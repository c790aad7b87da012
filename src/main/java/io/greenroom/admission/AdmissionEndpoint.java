package io.greenroom.admission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.greenroom.ome.OmeConfiguration;
import io.greenroom.ome.OmeSecrets;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

/**
 * {@code POST /ome/admission}: OME's admission webhook. It sits on OME's critical path,
 * so it is a servlet filter ahead of everything else and answers by itself: no login
 * chain, no MVC dispatch, no per-request metrics. It is authenticated by OME's HMAC
 * signature, checked on the raw bytes before anything is parsed.
 * <p>
 * Answers: 200 with the decision; 401 with an empty body for a missing or wrong
 * signature; 413 for a body over 16 KB; 400 with a one-line reason for a body that is not
 * OME's JSON; 405 for anything but POST. Never a stack trace: OME treats all of them as
 * "deny" anyway.
 */
class AdmissionEndpoint implements Filter {

	static final String PATH = OmeConfiguration.ADMISSION_PATH;

	private static final Logger logger = LoggerFactory.getLogger(AdmissionEndpoint.class);

	/** The answer to a closing request. */
	private static final byte[] CLOSED = "{}".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_ENCODED_ANSWERS = 64;

	private final AdmissionPolicy policy;

	private final OmeSecrets secrets;

	private final ObjectMapper json;

	private final ObjectWriter writer;

	private final LogBudget budget;

	/**
	 * Answers that do not depend on the stream (refusals, public plays), encoded once: a
	 * few kinds make up nearly all of them. Bounded, since a reason can name what OME
	 * sent.
	 */
	private final Map<AdmissionResponse, byte[]> encoded = new ConcurrentHashMap<>();

	private final AdmissionAnswers answers;

	AdmissionEndpoint(AdmissionPolicy policy, OmeSecrets secrets, ObjectMapper json, LogBudget budget,
			AdmissionAnswers answers) {
		this.answers = answers;
		this.policy = policy;
		this.budget = budget;
		this.secrets = secrets;
		this.json = json;
		// Resolved once rather than looked up on every request.
		this.writer = json.writer();
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		try {
			admit(request, response);
		}
		catch (RuntimeException ex) {
			// Our bug: OME reads a 500 as "deny", which is the safe answer.
			logger.error("Admission failed", ex);
			this.answers.failed.increment();
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		}
	}

	private void admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getContentLengthLong() > AdmissionProperties.MAX_BODY_BYTES) {
			this.answers.rejected.increment();
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		byte[] body = readBody(request);
		if (body == null) {
			this.answers.rejected.increment();
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		String signature = request.getHeader(OmeSignature.HEADER);
		if (!OmeSignature.verify(this.secrets.admissionSecretKey(), body, signature)) {
			String peer = request.getRemoteAddr();
			if (this.budget.allow(LogBudget.Kind.SIGNATURE, peer)) {
				logger.warn("Refused an admission request from {} with a {} signature", peer,
						(signature == null) ? "missing" : "wrong");
			}
			this.answers.unauthorized.increment();
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		AdmissionRequest admission;
		try {
			// Straight from the factory: AdmissionRequest reads tokens, so the mapper's
			// per-parser deserialization context would be made for nothing.
			try (JsonParser parser = this.json.tokenStreamFactory().createParser(ObjectReadContext.empty(), body)) {
				admission = AdmissionRequest.read(parser);
			}
		}
		catch (JacksonException ex) {
			this.answers.rejected.increment();
			badRequest(response, "body is not the JSON OME sends");
			return;
		}
		String problem = (admission != null) ? admission.problem() : "empty body";
		if (problem != null) {
			this.answers.rejected.increment();
			badRequest(response, problem);
			return;
		}
		AdmissionResponse decision = this.policy.decide(admission);
		if (decision == null) {
			this.answers.closing.increment();
		}
		else if (decision.allowed()) {
			this.answers.allowed.increment();
		}
		else {
			this.answers.denied.increment();
			logger.debug("Denied {}: {}", admission, decision.reason());
		}
		write(response, HttpServletResponse.SC_OK, (decision != null) ? encoded(decision) : CLOSED);
		if (this.policy.hasPending()) {
			// OME has its answer before any listener (notifications included) hears of
			// it.
			response.flushBuffer();
			this.policy.announcePending();
		}
	}

	private byte[] encoded(AdmissionResponse decision) {
		boolean reusable = decision.newUrl() == null && (decision.lifetime() == null || decision.lifetime() == 0);
		if (!reusable) {
			return this.writer.writeValueAsBytes(decision);
		}
		byte[] bytes = this.encoded.get(decision);
		if (bytes == null) {
			bytes = this.writer.writeValueAsBytes(decision);
			if (this.encoded.size() < MAX_ENCODED_ANSWERS) {
				this.encoded.putIfAbsent(decision, bytes);
			}
		}
		return bytes;
	}

	/**
	 * The raw body, or null when it is larger than allowed. OME always sends a
	 * Content-Length, so the usual case reads exactly that many bytes into one array (no
	 * 8 KB scratch buffer per request, which showed up as garbage under load).
	 */
	private static byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		try (InputStream in = request.getInputStream()) {
			if (declared >= 0) {
				byte[] body = new byte[(int) declared];
				int read = in.readNBytes(body, 0, body.length);
				return (read == body.length && in.read() == -1) ? body
						: (read < body.length) ? java.util.Arrays.copyOf(body, read) : null;
			}
			byte[] body = in.readNBytes(AdmissionProperties.MAX_BODY_BYTES + 1);
			return (body.length > AdmissionProperties.MAX_BODY_BYTES) ? null : body;
		}
	}

	private void badRequest(HttpServletResponse response, String reason) throws IOException {
		logger.debug("Bad admission request: {}", reason);
		write(response, HttpServletResponse.SC_BAD_REQUEST, this.writer.writeValueAsBytes(Map.of("reason", reason)));
	}

	private void write(HttpServletResponse response, int status, byte[] bytes) throws IOException {
		response.setStatus(status);
		// JSON is UTF-8 by definition (RFC 8259): no charset parameter to build and send.
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
