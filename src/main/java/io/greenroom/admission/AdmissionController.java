package io.greenroom.admission;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import io.greenroom.ome.OmeSecrets;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ome/admission}: OME's admission webhook. Reads the raw bytes, checks the
 * signature, then parses and decides. Never answers with a stack trace: OME treats
 * anything but a 200 with JSON as "deny" anyway.
 */
@RestController
class AdmissionController {

	static final String PATH = "/ome/admission";

	private static final Logger logger = LoggerFactory.getLogger(AdmissionController.class);

	private final AdmissionPolicy policy;

	private final OmeSecrets secrets;

	private final ObjectMapper json;

	AdmissionController(AdmissionPolicy policy, OmeSecrets secrets, ObjectMapper json) {
		this.policy = policy;
		this.secrets = secrets;
		this.json = json;
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> admit(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > AdmissionProperties.MAX_BODY_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(AdmissionProperties.MAX_BODY_BYTES + 1);
		}
		if (body.length > AdmissionProperties.MAX_BODY_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		if (!OmeSignature.verify(this.secrets.admissionSecretKey(), body, request.getHeader(OmeSignature.HEADER))) {
			logger.warn("Refused an admission request from {} with a {} signature", request.getRemoteAddr(),
					(request.getHeader(OmeSignature.HEADER) == null) ? "missing" : "wrong");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		AdmissionRequest admission;
		try {
			admission = this.json.readValue(body, AdmissionRequest.class);
		}
		catch (JacksonException ex) {
			return badRequest("body is not the JSON OME sends");
		}
		String problem = (admission != null) ? admission.problem() : "empty body";
		if (problem != null) {
			return badRequest(problem);
		}
		AdmissionResponse response = this.policy.decide(admission);
		if (response == null) {
			return ResponseEntity.ok(Map.of());
		}
		if (!response.allowed()) {
			logger.debug("Denied {}: {}", admission, response.reason());
		}
		return ResponseEntity.ok(response);
	}

	private static ResponseEntity<?> badRequest(String reason) {
		logger.debug("Bad admission request: {}", reason);
		return ResponseEntity.badRequest().body(Map.of("reason", reason));
	}

}
