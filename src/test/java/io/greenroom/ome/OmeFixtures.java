package io.greenroom.ome;

import java.nio.file.Path;

import io.greenroom.stream.AppSettings;

/**
 * Named settings for generator tests.
 */
final class OmeFixtures {

	static final OmeSecretValues SECRETS = new OmeSecretValues("api-token-for-tests", "admission-key-for-tests");

	private OmeFixtures() {
	}

	static OmeProperties defaults() {
		return new OmeProperties(Path.of("./data/ome-conf"), "*", "10000-10004/udp", 3478, true, 8081,
				"http://ome:8081", "http://greenroom:8080/ome/admission", 3000, false, null, null, null, null, null);
	}

	static OmeProperties withEdges() {
		return new OmeProperties(Path.of("./data/ome-conf"), "*", "10000-10004/udp", 3478, true, 8081,
				"http://ome:8081", "http://greenroom:8080/ome/admission", 3000, true, null, null, null, null, null);
	}

	static ServerXmlGenerator.Settings settings(OmeProperties ome) {
		return new ServerXmlGenerator.Settings(ome, "live.example.org", 1935, 3333);
	}

	static ApplicationSpec app(String name) {
		return new ApplicationSpec(name, AppSettings.defaults());
	}

	static ApplicationSpec llhlsApp(String name) {
		return new ApplicationSpec(name, new AppSettings(true, false, false, false, null, null));
	}

}
