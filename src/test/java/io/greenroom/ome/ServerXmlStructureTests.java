package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenroom.stream.AppSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static io.greenroom.ome.OmeFixtures.SECRETS;
import static io.greenroom.ome.OmeFixtures.app;
import static io.greenroom.ome.OmeFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every element path the generator can emit must exist at the same path in one of OME's
 * own sample configs (0.19.0 and 0.20.0), counting the commented-out examples there. The
 * paths of those samples are committed as lists in {@code src/test/resources/ome/paths}
 * (made by {@link OmeElementPaths}). The few paths those samples lack are listed below
 * with the OME documentation page that defines them.
 */
class ServerXmlStructureTests {

	/**
	 * Paths OME documents but its sample configs do not show, with where it documents
	 * them.
	 */
	static final Map<String, String> DOCUMENTED_ELSEWHERE = Map.of(
			"Server/VirtualHosts/VirtualHost/Applications/Application/Publishers/WebRTC/PlayoutDelay",
			"https://airensoft.gitbook.io/ovenmediaengine/streaming/webrtc-publishing",
			"Server/VirtualHosts/VirtualHost/Applications/Application/Publishers/WebRTC/PlayoutDelay/Min",
			"https://airensoft.gitbook.io/ovenmediaengine/streaming/webrtc-publishing",
			"Server/VirtualHosts/VirtualHost/Applications/Application/Publishers/WebRTC/PlayoutDelay/Max",
			"https://airensoft.gitbook.io/ovenmediaengine/streaming/webrtc-publishing");

	/**
	 * Paths an edge needs that OME's sample Edge.xml does not show, with where OME
	 * documents them.
	 */
	static final Map<String, String> EDGE_DOCUMENTED_ELSEWHERE = Map.of(
			"Server/VirtualHosts/VirtualHost/AdmissionWebhooks",
			"https://airensoft.gitbook.io/ovenmediaengine/access-control/admission-webhooks",
			"Server/VirtualHosts/VirtualHost/AdmissionWebhooks/ControlServerUrl",
			"https://airensoft.gitbook.io/ovenmediaengine/access-control/admission-webhooks",
			"Server/VirtualHosts/VirtualHost/AdmissionWebhooks/SecretKey",
			"https://airensoft.gitbook.io/ovenmediaengine/access-control/admission-webhooks",
			"Server/VirtualHosts/VirtualHost/AdmissionWebhooks/Timeout",
			"https://airensoft.gitbook.io/ovenmediaengine/access-control/admission-webhooks",
			"Server/VirtualHosts/VirtualHost/AdmissionWebhooks/Enables",
			"https://airensoft.gitbook.io/ovenmediaengine/access-control/admission-webhooks",
			"Server/VirtualHosts/VirtualHost/AdmissionWebhooks/Enables/Publishers",
			"https://airensoft.gitbook.io/ovenmediaengine/access-control/admission-webhooks");

	private static Set<String> referencePaths;

	private static Set<String> edgeReferencePaths;

	@BeforeAll
	static void readOmePathLists() throws IOException {
		referencePaths = new TreeSet<>();
		edgeReferencePaths = new TreeSet<>();
		for (String version : List.of("0.19.0", "0.20.0")) {
			referencePaths.addAll(list(version + ".txt"));
			edgeReferencePaths.addAll(list(version + "-edge.txt"));
		}
	}

	private static Set<String> list(String name) throws IOException {
		String text = new ClassPathResource("ome/paths/" + name).getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).as(name + " names the OME version it came from").startsWith("# OME ");
		return OmeElementPaths.readList(text);
	}

	@Test
	void readsTheSamplesIncludingCommentedOutExamples() {
		assertThat(referencePaths).contains("Server/Bind/Providers/WebRTC/IceCandidates/TcpForce",
				"Server/Managers/API/AccessToken",
				"Server/VirtualHosts/VirtualHost/AdmissionWebhooks/ControlServerUrl");
	}

	@Test
	void readsACommentedOutExampleInTheContextWhereItStands() {
		String text = """
				<Server><Bind>
				  <!-- <Managers><API><Port>8081</Port></API></Managers> put <AccessToken> in the header -->
				  <Providers><RTMP/></Providers>
				</Bind></Server>
				""";
		assertThat(OmeElementPaths.paths(text)).containsExactlyInAnyOrder("Server", "Server/Bind",
				"Server/Bind/Managers", "Server/Bind/Managers/API", "Server/Bind/Managers/API/Port",
				"Server/Bind/AccessToken", "Server/Bind/Providers", "Server/Bind/Providers/RTMP");
	}

	@Test
	void emitsOnlyPathsThatOmeKnows() {
		AppSettings everything = new AppSettings(true, true, true, true, 10, 100);
		OmeProperties everyOption = new OmeProperties(Path.of("x"), "*", "10000-10004/udp", 3478, true, 8081,
				"http://ome:8081", "http://greenroom:8080/ome/admission", 3000, true, "/c.crt", "/c.key", "/chain.crt",
				null, null);
		String xml = new ServerXmlGenerator().generate(settings(everyOption),
				List.of(app("show"), new ApplicationSpec("all", everything)), SECRETS);
		Set<String> emitted = OmeElementPaths.paths(xml);
		Set<String> unknown = new TreeSet<>(emitted);
		unknown.removeAll(referencePaths);
		assertThat(unknown).containsExactlyInAnyOrderElementsOf(DOCUMENTED_ELSEWHERE.keySet());
	}

	@Test
	void advertisesTheRelayWithTheSameHostAsTheCandidatesAsOmesOriginSampleDoes() throws IOException {
		Set<String> sampleForms = OmeElementPaths.readList(
				new ClassPathResource("ome/paths/advertised-address.txt").getContentAsString(StandardCharsets.UTF_8));
		assertThat(sampleForms).containsExactly("IceCandidate ${env:OME_HOST_IP:*}", "TcpRelay ${env:OME_HOST_IP:*}");
		Pattern value = Pattern.compile("<(IceCandidate|TcpRelay)>(\\$\\{env:OME_HOST_IP:[^}]*\\}):");
		String xml = new ServerXmlGenerator().generate(settings(OmeFixtures.defaults()), List.of(app("show")), SECRETS);
		Matcher generated = value.matcher(xml);
		Set<String> generatedForms = new TreeSet<>();
		while (generated.find()) {
			generatedForms.add(generated.group(1) + " " + generated.group(2));
		}
		assertThat(generatedForms).isEqualTo(sampleForms);
	}

	@Test
	void edgeEmitsOnlyPathsOmesEdgeSampleKnows() {
		AppSettings noHint = new AppSettings(false, true, true, true, null, null);
		String xml = new ServerXmlGenerator().generateEdge(settings(OmeFixtures.withEdges()), "origin.example.org",
				"https://origin.example.org/ome/admission", List.of(app("show"), new ApplicationSpec("tuned", noHint)),
				SECRETS);
		Set<String> unknown = new TreeSet<>(OmeElementPaths.paths(xml));
		unknown.removeAll(edgeReferencePaths);
		assertThat(unknown).containsExactlyInAnyOrderElementsOf(EDGE_DOCUMENTED_ELSEWHERE.keySet());
		assertThat(referencePaths).as("and the origin samples show them at that path")
			.containsAll(EDGE_DOCUMENTED_ELSEWHERE.keySet());
	}

}
