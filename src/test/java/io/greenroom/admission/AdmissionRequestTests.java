package io.greenroom.admission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading OME's body with the streaming parser: everything OME sends lands in the right
 * field, what it might add is skipped, and a wrong shape is an error rather than a guess.
 */
class AdmissionRequestTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsEveryFieldOmeSends() {
		AdmissionRequest request = read(
				OmeWebhook.closing("incoming", "WebRTC", "http://127.0.0.1:3333/show/slot-1?direction=whip&key=s3cr3t",
						"http://127.0.0.1:3333/show/slot-1", "172.18.0.5", 40001, "203.0.113.7"));
		assertThat(request).isNotNull();
		assertThat(request.client()).isEqualTo(new AdmissionRequest.Client("172.18.0.5", 40001, "203.0.113.7", null));
		assertThat(request.request().direction()).isEqualTo("incoming");
		assertThat(request.request().protocol()).isEqualTo("WebRTC");
		assertThat(request.request().status()).isEqualTo("closing");
		assertThat(request.request().url()).isEqualTo("http://127.0.0.1:3333/show/slot-1?direction=whip&key=s3cr3t");
		assertThat(request.request().newUrl()).isEqualTo("http://127.0.0.1:3333/show/slot-1");
		assertThat(request.request().time()).isNotBlank();
		assertThat(request.problem()).isNull();
	}

	@Test
	void readsTheUserAgentAndSkipsWhatOmeMightAdd() {
		AdmissionRequest request = read("{\"extra\":{\"nested\":[1,{\"a\":2}]},\"client\":{\"address\":\"172.18.0.5\","
				+ "\"port\":\"40002\",\"user_agent\":\"Mozilla/5.0 OBS/31.0\",\"geo\":{\"country\":\"NL\"}},"
				+ "\"request\":{\"direction\":\"outgoing\",\"protocol\":\"WebRTC\",\"status\":\"opening\","
				+ "\"url\":\"ws://127.0.0.1:3333/show/slot-1\",\"time\":\"2026-11-26T07:00:00.000Z\",\"tags\":[]}}");
		assertThat(request.client())
			.isEqualTo(new AdmissionRequest.Client("172.18.0.5", 40002, null, "Mozilla/5.0 OBS/31.0"));
		assertThat(request.request().url()).isEqualTo("ws://127.0.0.1:3333/show/slot-1");
		assertThat(request.problem()).isNull();
	}

	@Test
	void anEmptyBodyIsNoRequestAndMissingPartsAreNamedByProblem() {
		assertThat(read("")).isNull();
		assertThat(read("{}").problem()).isEqualTo("missing client");
		assertThat(read("{\"client\":null,\"request\":{}}").problem()).isEqualTo("missing client");
		assertThat(read("{\"client\":{\"address\":\"172.18.0.5\"},\"request\":{}}").problem())
			.isEqualTo("missing client.address or client.port");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[]", "{\"client\":[]}", "{\"client\":\"172.18.0.5\"}",
			"{\"client\":{\"port\":\"forty\"}}", "{\"client\":{\"port\":4.5}}", "{\"client\":{\"address\":{}}}",
			"{\"request\":{\"url\":[\"a\"]}}", "{\"client\":{\"port\":99999999999}}", "{\"client\":{" })
	void aWrongShapeIsAnError(String body) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> read(body));
	}

	private static AdmissionRequest read(String body) {
		try (JsonParser parser = JSON.createParser(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
			return AdmissionRequest.read(parser);
		}
	}

}
