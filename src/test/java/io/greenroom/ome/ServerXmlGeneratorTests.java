package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.greenroom.stream.AppSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

import static io.greenroom.ome.OmeFixtures.SECRETS;
import static io.greenroom.ome.OmeFixtures.app;
import static io.greenroom.ome.OmeFixtures.defaults;
import static io.greenroom.ome.OmeFixtures.llhlsApp;
import static io.greenroom.ome.OmeFixtures.settings;
import static io.greenroom.ome.OmeFixtures.withEdges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServerXmlGeneratorTests {

	private final ServerXmlGenerator generator = new ServerXmlGenerator();

	static Stream<Arguments> setups() {
		return Stream.of(Arguments.of("Server-no-apps.xml", defaults(), List.of()),
				Arguments.of("Server-one-app.xml", defaults(), List.of(app("show"))),
				Arguments.of("Server-four-apps-llhls.xml", defaults(),
						List.of(app("show"), llhlsApp("fallback"), app("call"),
								new ApplicationSpec("tuned", new AppSettings(false, true, true, true, 50, 200)))),
				Arguments.of("Server-edges.xml", withEdges(), List.of(app("show"), app("call"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("setups")
	void generatesTheGoldenFile(String golden, OmeProperties ome, List<ApplicationSpec> apps) throws IOException {
		String expected = new ClassPathResource("ome/" + golden).getContentAsString(StandardCharsets.UTF_8);
		assertThat(this.generator.generate(settings(ome), apps, SECRETS)).isEqualTo(expected);
	}

	@Test
	void generatesAnEdgeThatPullsEveryAppFromTheOrigin() throws IOException {
		String expected = new ClassPathResource("ome/Edge-two-apps.xml").getContentAsString(StandardCharsets.UTF_8);
		String edge = this.generator.generateEdge(
				new ServerXmlGenerator.Settings(withEdges(), "edge1.example.org", 1935, 3333), "origin.example.org",
				"https://origin.example.org/ome/admission", List.of(app("show"), app("call")), SECRETS);
		assertThat(edge).isEqualTo(expected);
		assertThat(edge).contains("<Type>edge</Type>")
			.contains("<Location>/show/</Location>")
			.contains("<Url>origin.example.org:9000/show/</Url>")
			.doesNotContain("<AccessToken>")
			.doesNotContain("<RTMP");
	}

	@Test
	void committedDefaultFileEqualsWhatTheDefaultsProduce() throws IOException {
		String committed = Files.readString(Path.of("config-templates/Server.default.xml"));
		String generated = this.generator.generate(new ServerXmlGenerator.Settings(defaults(), "localhost", 1935, 3333),
				List.of(), OmeSecretValues.placeholders());
		assertThat(committed).isEqualTo(generated);
	}

	@Test
	void addsTheCertificateAndTlsPortOnlyWhenConfigured() {
		OmeProperties tls = new OmeProperties(Path.of("x"), "*", "10000-10004/udp", 3478, true, 8081, "http://ome:8081",
				"http://greenroom:8080/ome/admission", 3000, false, "/certs/live.crt", "/certs/live.key", null, null,
				null);
		String xml = this.generator.generate(settings(tls), List.of(app("show")), SECRETS);
		assertThat(xml).contains("<CertPath>/certs/live.crt</CertPath>")
			.contains("<KeyPath>/certs/live.key</KeyPath>")
			.contains("<TLSPort>3334</TLSPort>")
			.doesNotContain("ChainCertPath");
		assertThat(this.generator.generate(settings(defaults()), List.of(app("show")), SECRETS)).doesNotContain("<TLS>")
			.doesNotContain("TLSPort");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "my show", "a/b", "Show", "<app>", "a&b", "app\"", "../etc",
			"a123456789012345678901234567890123456789012345678901234567890123456789" })
	void refusesANameOmeWouldMishandle(String name) {
		List<ApplicationSpec> apps = new ArrayList<>(List.of(app("show")));
		apps.add(new ApplicationSpec(name, AppSettings.defaults()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.generator.generate(settings(defaults()), apps, SECRETS))
			.withMessageContaining("cannot go into Server.xml");
	}

	@Test
	void servesClientsUnderAnyNameSoWhipAnswersCarryCors() {
		String xml = this.generator.generate(settings(defaults()), List.of(app("show")), SECRETS);
		String virtualHost = xml.substring(xml.indexOf("<VirtualHost>"));
		assertThat(virtualHost).containsSubsequence("<Host>", "<Names>", "<Name>*</Name>", "</Names>", "</Host>")
			.doesNotContain("<Name>live.example.org</Name>");
	}

	@Test
	void advertisesOneAddressForIceCandidatesAndTheTcpRelay() {
		OmeProperties ome = new OmeProperties(Path.of("x"), "198.51.100.7", "40000-40009/udp", 4478, true, 8081,
				"http://ome:8081", "http://greenroom:8080/ome/admission", 3000, false, null, null, null, null, null);
		String xml = this.generator.generate(settings(ome), List.of(app("show")), SECRETS);
		// The form OME's own Origin.xml sample uses for both: ${env:OME_HOST_IP:*}:PORTS
		assertThat(StringUtils.countOccurrencesOf(xml,
				"<IceCandidate>${env:OME_HOST_IP:198.51.100.7}:40000-40009/udp</IceCandidate>"))
			.as("providers and publishers")
			.isEqualTo(2);
		assertThat(StringUtils.countOccurrencesOf(xml, "<TcpRelay>${env:OME_HOST_IP:198.51.100.7}:4478</TcpRelay>"))
			.isEqualTo(2);
		assertThat(xml).doesNotContain("<TcpRelay>*");
	}

	@Test
	void masksBothSecrets() {
		String xml = this.generator.generate(settings(defaults()), List.of(app("show")), SECRETS);
		assertThat(SECRETS.mask(xml)).doesNotContain("api-token-for-tests")
			.doesNotContain("admission-key-for-tests")
			.contains("<AccessToken>••••••••</AccessToken>");
	}

}
