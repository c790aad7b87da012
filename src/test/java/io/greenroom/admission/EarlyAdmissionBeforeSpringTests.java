package io.greenroom.admission;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code main} starts the early server before Spring Boot from the command line, the
 * environment and {@code application.properties}; when Spring Boot has read its settings
 * the server is adopted if they agree, and replaced if they do not.
 */
class EarlyAdmissionBeforeSpringTests {

	private static final String DATABASE = "jdbc:h2:mem:before-spring";

	private static final String KEY = "beforeSpringAdmissionKey";

	@TempDir
	Path data;

	private EarlyAdmission.Starter starter;

	@AfterEach
	void stop() {
		if (this.starter != null && this.starter.early() != null) {
			this.starter.early().stop();
		}
	}

	@Test
	void answersBeforeSpringAndIsAdoptedWhenSpringReadsTheSameSettings() throws Exception {
		int port = EarlyAdmissionIntegrationTests.freePort();
		String[] args = args(port);

		EarlyAdmission.Starter.beforeSpring(args);
		assertThat(play(port).body()).as("answered before Spring Boot runs").contains("\"allowed\":true");

		this.starter = prepared(args);
		assertThat(this.starter.early()).isNotNull();
		assertThat(this.starter.early().answered()).as("the same server, with the answer it gave").isEqualTo(1);
		assertThat(play(port).body()).contains("\"allowed\":true");
	}

	@Test
	void isReplacedWhenSpringReadsOtherSettings() throws Exception {
		int port = EarlyAdmissionIntegrationTests.freePort();
		EarlyAdmission.Starter.beforeSpring(args(port));
		assertThat(play(port).statusCode()).isEqualTo(200);

		// Spring Boot found a setting the early read did not (a file beside the jar,
		// say).
		String[] other = { "--server.port=" + port,
				"--greenroom.admission.snapshot-file=" + this.data.resolve("admission-snapshot.json"),
				"--spring.datasource.url=" + DATABASE, "--greenroom.admission.max-wrong-keys=3" };
		this.starter = prepared(other);

		assertThat(this.starter.early()).isNotNull();
		assertThat(this.starter.early().answered()).as("a new server on the same port").isZero();
		assertThat(play(port).body()).contains("\"allowed\":true");
	}

	@Test
	void triesThePortAgainWhenItWasTakenBeforeSpring() throws Exception {
		int port = EarlyAdmissionIntegrationTests.freePort();
		String[] args = args(port);
		try (ServerSocket previousProcess = new ServerSocket(port)) {
			EarlyAdmission.Starter.beforeSpring(args);
		}

		this.starter = prepared(args);

		assertThat(this.starter.early()).as("started once the port was free").isNotNull();
		assertThat(play(port).body()).contains("\"allowed\":true");
	}

	@Test
	void readsTheDefaultsOfApplicationPropertiesAndTheProfileFile() {
		var environment = EarlyAdmission.Starter.environmentBeforeSpring(new String[] { "--server.port=9999" });
		assertThat(environment.getProperty("server.port")).isEqualTo("9999");
		assertThat(environment.getProperty("greenroom.admission.snapshot-file"))
			.isEqualTo("./data/admission-snapshot.json");
		assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");

		var postgres = EarlyAdmission.Starter
			.environmentBeforeSpring(new String[] { "--spring.profiles.active=postgres" });
		assertThat(postgres.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
	}

	private EarlyAdmission.Starter prepared(String[] args) {
		EarlyAdmission.Starter listener = new EarlyAdmission.Starter();
		listener.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				new SpringApplication(), args, EarlyAdmission.Starter.environmentBeforeSpring(args)));
		return listener;
	}

	private String[] args(int port) throws IOException {
		Path snapshot = this.data.resolve("admission-snapshot.json");
		Files.writeString(snapshot, "{\"version\":1,\"database\":\"" + AdmissionSnapshot.databaseId(DATABASE)
				+ "\",\"admissionKey\":\"" + KEY
				+ "\",\"viewerKey\":\"viewer-key\",\"apps\":[{\"id\":1,\"name\":\"show\","
				+ "\"privateViewing\":false,\"onDuplicate\":\"DENY\",\"slots\":[{\"id\":1,\"name\":\"cam\","
				+ "\"secret\":\"camSecretcamSecretcamSecretcamSe\",\"enabled\":true,\"displayName\":\"Cam\"}]}]}");
		return new String[] { "--server.port=" + port, "--greenroom.admission.snapshot-file=" + snapshot,
				"--spring.datasource.url=" + DATABASE };
	}

	private static HttpResponse<String> play(int port) throws IOException, InterruptedException {
		String body = OmeWebhook.opening("outgoing", "WebRTC", "ws://ome:3333/show/cam", "198.51.100.4", 40001, null,
				null);
		return EarlyAdmissionIntegrationTests.post(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
				"http://127.0.0.1:" + port, body, KEY);
	}

}
