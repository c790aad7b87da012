package io.greenroom.admission;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.greenroom.GreenroomInstance;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.AccessPolicy;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart answers OME while the application is still starting, from the snapshot the
 * previous run wrote, and the application takes over what was decided meanwhile. The
 * second start is held before its context is built, so the early answers are certain to
 * come from {@link EarlyAdmission}.
 */
@ExtendWith(OutputCaptureExtension.class)
class EarlyAdmissionIntegrationTests {

	private static final String STREAMER = "203.0.113.7";

	@TempDir
	Path data;

	@Test
	void answersWhileStartingAndHandsOverWhatItDecided(CapturedOutput output) throws Exception {
		int port = freePort();
		String base = "http://127.0.0.1:" + port;
		String key;
		String secret;
		String room;
		String publicPlay = OmeWebhook.opening("outgoing", "WebRTC", "ws://ome:3333/show/cam-1", "198.51.100.4", 40001,
				null, null);
		HttpResponse<String> playAnsweredByTheApplication;
		try (GreenroomInstance first = GreenroomInstance.startWithH2File(this.data, "server.port=" + port)) {
			StreamCatalog catalog = first.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			secret = catalog.createSlot(show.getId(), new SlotDraft("cam-1", "Camera 1", 3000, true))
				.getPublishSecret()
				.value();
			App call = catalog.createApp("room");
			catalog.updateAccessPolicy(call.getId(), new AccessPolicy(true, DuplicatePublisher.DENY));
			room = call.getName();
			key = first.bean(OmeSecrets.class).admissionSecretKey();
			playAnsweredByTheApplication = post(HttpClient.newHttpClient(), base, publicPlay, key);
			Path snapshot = this.data.resolve("admission-snapshot.json");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Files.exists(snapshot) && Files.readString(snapshot).contains("\"room\""));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot))).isEqualTo("rw-------");
		}

		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Object> events = new CopyOnWriteArrayList<>();
		ApplicationContextInitializer<ConfigurableApplicationContext> holdBack = (context) -> {
			context.addApplicationListener((PayloadApplicationEvent<?> event) -> events.add(event.getPayload()));
			held.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		CompletableFuture<GreenroomInstance> starting = CompletableFuture
			.supplyAsync(() -> GreenroomInstance.start(this.data, holdBack,
					"spring.datasource.url=jdbc:h2:file:" + this.data.resolve("greenroom").toAbsolutePath(),
					"server.port=" + port));
		try {
			assertThat(held.await(60, TimeUnit.SECONDS)).as("the second start reached its context").isTrue();
			HttpClient early = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

			HttpResponse<String> play = post(early, base, publicPlay, key);
			assertThat(play.statusCode()).isEqualTo(200);
			assertThat(play.body()).as("the same answer the application gives")
				.isEqualTo(playAnsweredByTheApplication.body())
				.contains("\"allowed\":true");
			assertThat(post(early, base, OmeWebhook.opening("outgoing", "WebRTC", "ws://ome:3333/room/cam-1",
					"198.51.100.4", 40002, null, null), key)
				.body()).contains("\"allowed\":false", "viewer link");
			assertThat(post(early, base, OmeWebhook.opening("incoming", "RTMP", "rtmp://ome:1935/show/cam-1?key=wrong",
					STREAMER, 50001, null, null), key)
				.body()).contains("\"allowed\":false", "wrong stream key");
			assertThat(post(early, base, publicPlay, "not-the-key").statusCode()).isEqualTo(401);
			HttpResponse<String> publish = post(early, base, OmeWebhook.opening("incoming", "RTMP",
					"rtmp://ome:1935/show/cam-1?key=" + secret, STREAMER, 50002, null, "OBS"), key);
			assertThat(publish.body()).contains("\"allowed\":true", "\"new_url\":\"rtmp://ome:1935/show/cam-1\"")
				.doesNotContain(secret);

			HttpResponse<String> page = early.send(HttpRequest.newBuilder(URI.create(base + "/apps")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("2");
			assertThat(page.body()).contains("Greenroom is starting");
		}
		finally {
			release.countDown();
		}

		try (GreenroomInstance second = starting.get(60, TimeUnit.SECONDS)) {
			assertThat(output.getOut()).contains("Answering OME's admission webhook on port " + port)
				.contains("handing over 1 publish session(s)")
				.doesNotContain(secret);
			assertThat(second.bean(LivePublishers.class).onAir("show", "cam-1"))
				.hasValueSatisfying((onAir) -> assertThat(onAir.address()).isEqualTo(STREAMER + ":50002"));
			assertThat(events).filteredOn(SlotWentLive.class::isInstance)
				.singleElement()
				.satisfies((event) -> assertThat(((SlotWentLive) event).slot()).isEqualTo("cam-1"));

			SessionHistory history = second.bean(SessionHistory.class);
			history.flush();
			JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
			Map<String, Object> session = jdbc.queryForMap(
					"select id, ended_at, end_reason, user_agent from publish_session where slot_name = 'cam-1'");
			assertThat(session.get("ended_at")).as("not taken for a session the previous run left open").isNull();
			assertThat(session.get("user_agent")).isEqualTo("OBS");

			// Tomcat answers on the same port now, and knows the publisher on air.
			HttpResponse<String> closing = post(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
					base, OmeWebhook.closing("incoming", "RTMP", "rtmp://ome:1935/show/cam-1?key=" + secret,
							"rtmp://ome:1935/show/cam-1", STREAMER, 50002, null),
					key);
			assertThat(closing.body()).isEqualTo("{}");
			assertThat(second.bean(LivePublishers.class).isLive("show", "cam-1")).isFalse();
			history.flush();
			assertThat(jdbc.queryForObject("select end_reason from publish_session where id = ?", String.class,
					session.get("id")))
				.isEqualTo("closed");
		}
	}

	@Test
	void startsAsBeforeWhenTheSnapshotIsNotOne(CapturedOutput output) throws Exception {
		Files.writeString(this.data.resolve("admission-snapshot.json"), "{\"version\":1,\"apps\":[");
		int port = freePort();
		try (GreenroomInstance instance = GreenroomInstance.startWithH2File(this.data, "server.port=" + port)) {
			assertThat(output.getOut()).contains("Ignoring the admission snapshot")
				.contains("not a snapshot Greenroom wrote")
				.doesNotContain("Answering OME's admission webhook");
			String key = instance.bean(OmeSecrets.class).admissionSecretKey();
			assertThat(post(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, OmeWebhook.opening("outgoing",
					"WebRTC", "ws://ome:3333/show/cam-1", "198.51.100.4", 40001, null, null), key)
				.body()).contains("unknown app");
			// The application writes a good one for the next start.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> AdmissionSnapshot.read(this.data.resolve("admission-snapshot.json")) != null);
		}
	}

	@Test
	void ignoresASnapshotOfAnotherDatabase(CapturedOutput output) throws Exception {
		int port = freePort();
		try (GreenroomInstance first = GreenroomInstance.startWithH2File(this.data, "server.port=" + port)) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Files.exists(this.data.resolve("admission-snapshot.json")));
		}
		Path other = this.data.resolve("other");
		try (GreenroomInstance second = GreenroomInstance.start(other,
				"spring.datasource.url=jdbc:h2:file:" + other.resolve("greenroom").toAbsolutePath(),
				"greenroom.admission.snapshot-file=" + this.data.resolve("admission-snapshot.json"),
				"server.port=" + port)) {
			assertThat(output.getOut()).doesNotContain("Answering OME's admission webhook");
		}
	}

	static HttpResponse<String> post(HttpClient client, String base, String body, String key)
			throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return client.send(HttpRequest.newBuilder(URI.create(base + AdmissionEndpoint.PATH))
			.header("Content-Type", "application/json")
			.header(OmeSignature.HEADER, OmeSignature.sign(key, bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
