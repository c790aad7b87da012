package io.greenroom.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checked against every request captured from a real OME 0.19.0 (SecretKey
 * {@code somesecret}), byte for byte ({@code src/test/resources/ome-webhook}).
 */
class OmeSignatureTests {

	private static String capture(String name) throws IOException {
		return new ClassPathResource("ome-webhook/" + name).getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void acceptsEverySignatureOmeSent() throws IOException {
		List<String> lines = capture("webhook_requests.jsonl").lines().toList();
		assertThat(lines).isNotEmpty();
		JsonMapper json = JsonMapper.builder().build();
		for (String line : lines) {
			JsonNode captured = json.readTree(line);
			byte[] body = captured.get("raw_body").asString().getBytes(StandardCharsets.UTF_8);
			String signature = null;
			for (JsonNode header : captured.get("headers")) {
				if (header.get(0).asString().equals("X-OME-Signature")) {
					signature = header.get(1).asString();
				}
			}
			assertThat(OmeSignature.verify("somesecret", body, signature)).as(line).isTrue();
			assertThat(OmeSignature.verify("othersecret", body, signature)).isFalse();
		}
	}

	@Test
	void refusesPaddingTamperingAndAbsence() throws IOException {
		String sample = capture("webhook_samples.md");
		Matcher first = Pattern.compile("X-OME-Signature: (\\S+)\\n[\\s\\S]*?\\n\\n(\\{.*\\})\\n").matcher(sample);
		assertThat(first.find()).isTrue();
		byte[] body = first.group(2).getBytes(StandardCharsets.UTF_8);
		String signature = first.group(1);
		assertThat(OmeSignature.verify("somesecret", body, signature)).isTrue();
		assertThat(OmeSignature.verify("somesecret", body, signature + "=")).isFalse();
		assertThat(
				OmeSignature.verify("somesecret", (first.group(2) + " ").getBytes(StandardCharsets.UTF_8), signature))
			.isFalse();
		assertThat(OmeSignature.verify("somesecret", body, null)).isFalse();
		assertThat(OmeSignature.verify("somesecret", body, "")).isFalse();
	}

}
