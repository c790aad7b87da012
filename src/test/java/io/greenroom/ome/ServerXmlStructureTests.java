package io.greenroom.ome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.greenroom.stream.AppSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.greenroom.ome.OmeFixtures.SECRETS;
import static io.greenroom.ome.OmeFixtures.app;
import static io.greenroom.ome.OmeFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every element path the generator can emit must exist at the same path in one of OME's
 * own sample configs (0.19.0 and 0.20.0, in {@code ../shared/ome-reference}), counting
 * the commented-out examples there. The few paths those samples lack are listed below
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

	private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)\\b[^<>]*?(/?)>");

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
	static void readOmeSamples() throws IOException {
		Path root = Path.of(System.getProperty("greenroom.ome-reference", "../shared/ome-reference"));
		assertThat(root.resolve("conf-0.20.0/Server.xml"))
			.as("OME's sample configs (set -Dgreenroom.ome-reference=DIR if they live elsewhere)")
			.exists();
		referencePaths = new TreeSet<>();
		edgeReferencePaths = new TreeSet<>();
		for (String version : List.of("conf-0.19.0", "conf-0.20.0")) {
			try (Stream<Path> files = Files.list(root.resolve(version))) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".xml")).toList()) {
					referencePaths.addAll(paths(Files.readString(file)));
				}
			}
			edgeReferencePaths.addAll(paths(Files.readString(root.resolve(version).resolve("Edge.xml"))));
		}
	}

	@Test
	void readsTheSamplesIncludingCommentedOutExamples() {
		assertThat(referencePaths).contains("Server/Bind/Providers/WebRTC/IceCandidates/TcpForce",
				"Server/Managers/API/AccessToken",
				"Server/VirtualHosts/VirtualHost/AdmissionWebhooks/ControlServerUrl");
	}

	@Test
	void emitsOnlyPathsThatOmeKnows() {
		AppSettings everything = new AppSettings(true, true, true, true, 10, 100);
		OmeProperties everyOption = new OmeProperties(Path.of("x"), "*", "10000-10004/udp", 3478, true, 8081,
				"http://ome:8081", "http://greenroom:8080/ome/admission", 3000, true, "/c.crt", "/c.key", "/chain.crt",
				null, null);
		String xml = new ServerXmlGenerator().generate(settings(everyOption),
				List.of(app("show"), new ApplicationSpec("all", everything)), SECRETS);
		Set<String> emitted = paths(xml);
		Set<String> unknown = new TreeSet<>(emitted);
		unknown.removeAll(referencePaths);
		assertThat(unknown).containsExactlyInAnyOrderElementsOf(DOCUMENTED_ELSEWHERE.keySet());
	}

	@Test
	void advertisesTheRelayWithTheSameHostAsTheCandidatesAsOmesOriginSampleDoes() throws IOException {
		Path root = Path.of(System.getProperty("greenroom.ome-reference", "../shared/ome-reference"));
		Pattern value = Pattern.compile("<(IceCandidate|TcpRelay)>(\\$\\{env:OME_HOST_IP:[^}]*\\}):");
		for (String version : List.of("conf-0.19.0", "conf-0.20.0")) {
			Matcher sample = value
				.matcher(COMMENT.matcher(Files.readString(root.resolve(version).resolve("Origin.xml"))).replaceAll(""));
			Set<String> sampleForms = new TreeSet<>();
			while (sample.find()) {
				sampleForms.add(sample.group(1) + " " + sample.group(2));
			}
			assertThat(sampleForms).as(version)
				.containsExactly("IceCandidate ${env:OME_HOST_IP:*}", "TcpRelay ${env:OME_HOST_IP:*}");
		}
		String xml = new ServerXmlGenerator().generate(settings(OmeFixtures.defaults()), List.of(app("show")), SECRETS);
		Matcher generated = value.matcher(xml);
		Set<String> generatedForms = new TreeSet<>();
		while (generated.find()) {
			generatedForms.add(generated.group(1) + " " + generated.group(2));
		}
		assertThat(generatedForms).containsExactly("IceCandidate ${env:OME_HOST_IP:*}",
				"TcpRelay ${env:OME_HOST_IP:*}");
	}

	@Test
	void edgeEmitsOnlyPathsOmesEdgeSampleKnows() {
		AppSettings noHint = new AppSettings(false, true, true, true, null, null);
		String xml = new ServerXmlGenerator().generateEdge(settings(OmeFixtures.withEdges()), "origin.example.org",
				"https://origin.example.org/ome/admission", List.of(app("show"), new ApplicationSpec("tuned", noHint)),
				SECRETS);
		Set<String> unknown = new TreeSet<>(paths(xml));
		unknown.removeAll(edgeReferencePaths);
		assertThat(unknown).containsExactlyInAnyOrderElementsOf(EDGE_DOCUMENTED_ELSEWHERE.keySet());
		assertThat(referencePaths).as("and the origin samples show them at that path")
			.containsAll(EDGE_DOCUMENTED_ELSEWHERE.keySet());
	}

	/**
	 * Element paths in a text. Each comment is read as a fragment in the context where it
	 * stands, and whatever it leaves open (prose such as "put &lt;AccessToken&gt; in the
	 * header") is dropped when the comment ends.
	 */
	static Set<String> paths(String text) {
		Set<String> paths = new TreeSet<>();
		Deque<String> stack = new ArrayDeque<>();
		Matcher comments = COMMENT.matcher(text);
		int at = 0;
		while (comments.find()) {
			read(text.substring(at, comments.start()), stack, paths);
			read(comments.group(1), new ArrayDeque<>(stack), paths);
			at = comments.end();
		}
		read(text.substring(at), stack, paths);
		return paths;
	}

	private static void read(String text, Deque<String> stack, Set<String> paths) {
		Matcher matcher = TAG.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(2);
			if (matcher.group(1).isEmpty()) {
				stack.addLast(name);
				paths.add(String.join("/", stack));
				if (!matcher.group(3).isEmpty()) {
					stack.removeLast();
				}
			}
			else if (stack.contains(name)) {
				while (!stack.removeLast().equals(name)) {
					// unwind elements an example left open
				}
			}
		}
	}

}
