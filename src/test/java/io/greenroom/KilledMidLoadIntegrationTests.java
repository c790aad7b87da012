package io.greenroom;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.greenroom.admission.LivePublishers;
import io.greenroom.admission.OmeWebhook;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Greenroom, running as its own process, is killed with SIGKILL while signed admission
 * requests open and close publish sessions, then started again on the same database: the
 * database opens, every session record is complete (ended, with a reason) or marked lost,
 * no slot is left live, and a streamer can publish again at once. Once on an H2 file,
 * once on PostgreSQL (a schema of its own in the server named by
 * {@code GREENROOM_TEST_DB_URL}; skipped without one outside CI, failed under CI).
 * Stopped with SIGTERM instead, it first answers the request it is reading.
 */
@ExtendWith(OutputCaptureExtension.class)
class KilledMidLoadIntegrationTests {

	private static final int CHURNING = 4;

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path data;

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "h2", "postgresql" })
	void aKilledGreenroomRestartsWithEverySessionCompleteOrLostAndNoSlotLive(String kind, CapturedOutput output)
			throws Exception {
		Database database = kind.equals("h2") ? Database.h2(this.data) : Database.postgresql();
		try {
			killAndRestart(database, output);
		}
		finally {
			database.drop();
		}
	}

	private void killAndRestart(Database database, CapturedOutput output) throws Exception {
		String key = "killedMidLoadAdmissionKey";
		List<String> secrets = secrets("killedMidLoadSecretSlot", 2 * CHURNING);
		seed(database, key, secrets);

		int port = freePort();
		Process greenroom = startProcess(database, port);
		AtomicInteger allowed = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> load = new ArrayList<>();
		try {
			String baseUrl = "http://127.0.0.1:" + port;
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> healthy(baseUrl));
			OmeWebhook ome = new OmeWebhook(baseUrl, key);
			// Half the slots go live and stay live: they are open when the process dies.
			for (int i = CHURNING; i < 2 * CHURNING; i++) {
				assertThat(ome.send(publish("slot-" + i, secrets.get(i), 40000 + i)).body())
					.contains("\"allowed\":true");
			}
			// Give the session writer (lowest priority) time to record them.
			Thread.sleep(2000);
			// The other half go live and end, over and over, until the kill.
			load.addAll(churning(ome, secrets, running, allowed));
			await().atMost(Duration.ofSeconds(30)).until(() -> allowed.get() >= 200);
		}
		finally {
			greenroom.destroyForcibly(); // SIGKILL on Linux
			assertThat(greenroom.waitFor(30, TimeUnit.SECONDS)).isTrue();
			running.set(false);
			for (Thread thread : load) {
				thread.join(10_000);
			}
		}
		assertThat(greenroom.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		if (database.h2()) {
			assertThat(this.data.resolve("greenroom.mv.db")).exists();
		}

		long restarting = System.nanoTime();
		List<String> properties = new ArrayList<>(database.properties());
		properties.add("greenroom.ome.api-url=http://127.0.0.1:9");
		try (GreenroomInstance restarted = GreenroomInstance.start(this.data, properties.toArray(String[]::new))) {
			long restartMillis = (System.nanoTime() - restarting) / 1_000_000;
			JdbcTemplate jdbc = restarted.bean(JdbcTemplate.class);
			List<Map<String, Object>> sessions = jdbc
				.queryForList("select slot_name, started_at, ended_at, end_reason from publish_session");
			assertThat(sessions).as("sessions recorded before the kill").isNotEmpty();
			assertThat(sessions).allSatisfy((session) -> {
				assertThat(session.get("ENDED_AT")).as("ended: " + session).isNotNull();
				assertThat(session.get("END_REASON")).as("a reason: " + session).isIn("closed", "lost");
			});
			assertThat(jdbc.queryForList("select end_reason from publish_session where slot_name in "
					+ "('slot-4', 'slot-5', 'slot-6', 'slot-7')", String.class))
				.as("sessions of the slots that were live when the process died")
				.isNotEmpty()
				.containsOnly("lost");
			assertThat(restarted.bean(LivePublishers.class).count()).as("no slot is left live").isZero();
			OmeWebhook ome = new OmeWebhook(restarted.baseUrl(), key);
			assertThat(ome.send(publish("slot-4", secrets.get(4), 49000)).body()).as("the streamer can publish again")
				.contains("\"allowed\":true");
			System.out.println("On " + database + ": killed after " + allowed.get() + " allowed publishes; "
					+ sessions.size() + " session records; restarted in " + restartMillis + " ms");
		}
		assertThat(output.getOut()).contains("left open by the previous run as lost");
	}

	@Test
	void aStoppingGreenroomAnswersTheRequestItIsReadingBeforeItExits() throws Exception {
		String key = "gracefulStopAdmissionKey";
		String secret = "gracefulStopSecretForSlotZeroxxx";
		Database database = Database.h2(this.data);
		seed(database, key, List.of(secret));
		int port = freePort();
		Process greenroom = startProcess(database, port);
		try {
			String baseUrl = "http://127.0.0.1:" + port;
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> healthy(baseUrl));
			String body = publish("slot-0", secret, 40000);
			byte[] payload = body.getBytes(StandardCharsets.UTF_8);
			int half = payload.length / 2;
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(30_000);
				OutputStream out = socket.getOutputStream();
				out.write(("POST /ome/admission HTTP/1.1\r\nHost: 127.0.0.1:" + port
						+ "\r\nContent-Type: application/json\r\nX-OME-Signature: " + OmeWebhook.signature(key, body)
						+ "\r\nContent-Length: " + payload.length + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(payload, 0, half);
				out.flush();
				// OME's request is half read when the stop comes (SIGTERM on Linux).
				Thread.sleep(500);
				greenroom.destroy();
				Thread.sleep(1500);
				assertThat(greenroom.isAlive()).as("still waiting for the request it is reading").isTrue();
				out.write(payload, half, payload.length - half);
				out.flush();
				String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(answer).startsWith("HTTP/1.1 200").contains("\"allowed\":true");
			}
			assertThat(greenroom.waitFor(30, TimeUnit.SECONDS)).as("exits once it has answered").isTrue();
			assertThat(greenroom.exitValue()).as("a clean stop").isIn(0, 143);
		}
		finally {
			greenroom.destroyForcibly();
		}
	}

	/**
	 * SIGTERM in the middle of a stream of publishes: every publish Greenroom said yes to
	 * is in the database afterwards, and the stop logs no failure (H2 used to close the
	 * database from its own shutdown hook under the session writer).
	 */
	@Test
	void aStoppedGreenroomHasRecordedEveryPublishItAllowed() throws Exception {
		String key = "stoppedMidLoadAdmissionKey";
		List<String> secrets = secrets("stoppedMidLoadSecretSlot", CHURNING);
		Database database = Database.h2(this.data);
		seed(database, key, secrets);
		int port = freePort();
		Process greenroom = startProcess(database, port);
		AtomicInteger allowed = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> load = new ArrayList<>();
		try {
			String baseUrl = "http://127.0.0.1:" + port;
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> healthy(baseUrl));
			load.addAll(churning(new OmeWebhook(baseUrl, key), secrets, running, allowed));
			await().atMost(Duration.ofSeconds(30)).until(() -> allowed.get() >= 300);
			greenroom.destroy(); // SIGTERM on Linux, while the publishes go on
			assertThat(greenroom.waitFor(30, TimeUnit.SECONDS)).as("stops").isTrue();
		}
		finally {
			running.set(false);
			for (Thread thread : load) {
				thread.join(10_000);
			}
			greenroom.destroyForcibly();
		}
		assertThat(greenroom.exitValue()).as("a clean stop").isIn(0, 143);
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			var count = statement.executeQuery("select count(*) from publish_session");
			count.next();
			assertThat(count.getInt(1)).as("sessions recorded for the %d publishes allowed", allowed.get())
				.isGreaterThanOrEqualTo(allowed.get());
		}
		String log = Files.readString(this.data.resolve("greenroom-process.log"));
		assertThat(log).doesNotContain("Could not record").doesNotContain("Database is already closed");
	}

	/**
	 * Migrates the database and writes one app with its slots and OME's admission key
	 * straight into it, without starting Greenroom an extra time.
	 */
	private static void seed(Database database, String key, List<String> secrets) throws Exception {
		Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.schemas(database.schemas())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			statement.execute("insert into app (id, name, created_at) values (1, 'show', current_timestamp)");
			for (int i = 0; i < secrets.size(); i++) {
				statement.execute("insert into slot (app_id, name, display_name, bitrate_kbps, enabled, publish_secret,"
						+ " secret_rotated_at, created_at) values (1, 'slot-" + i + "', 'Racer " + i
						+ "', 2500, true, '" + secrets.get(i) + "', current_timestamp, current_timestamp)");
			}
			statement.execute("insert into ome_secret (name, secret, created_at) values ('admission-secret-key', '"
					+ key + "', current_timestamp)");
		}
	}

	/** One 32-character publish secret per slot, slot 0 first. */
	private static List<String> secrets(String prefix, int count) {
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			secrets.add((prefix + i + "xxxxxxxxxxxx").substring(0, 32));
		}
		return secrets;
	}

	/** Slots 0 to {@link #CHURNING} - 1 go live and end, each on its own thread. */
	private static List<Thread> churning(OmeWebhook ome, List<String> secrets, AtomicBoolean running,
			AtomicInteger allowed) {
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < CHURNING; t++) {
			int slot = t;
			Thread thread = new Thread(
					() -> churn(ome, "slot-" + slot, secrets.get(slot), 41000 + slot * 1000, running, allowed),
					"churn-" + t);
			thread.start();
			threads.add(thread);
		}
		return threads;
	}

	private static void churn(OmeWebhook ome, String slot, String secret, int firstPort, AtomicBoolean running,
			AtomicInteger allowed) {
		int port = firstPort;
		while (running.get()) {
			try {
				String url = "rtmp://127.0.0.1:1935/show/" + slot + "?key=" + secret;
				if (ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.18.0.5", port, "203.0.113.9", null))
					.body()
					.contains("\"allowed\":true")) {
					allowed.incrementAndGet();
				}
				ome.send(OmeWebhook.closing("incoming", "RTMP", url, "rtmp://127.0.0.1:1935/show/" + slot, "172.18.0.5",
						port, "203.0.113.9"));
				port++;
			}
			catch (IOException ex) {
				return; // the process is gone
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String publish(String slot, String secret, int port) {
		return OmeWebhook.opening("incoming", "RTMP", "rtmp://127.0.0.1:1935/show/" + slot + "?key=" + secret,
				"172.18.0.5", port, "203.0.113.8", null);
	}

	/**
	 * Greenroom as its own JVM, on the test's classpath, with its H2 file in the test's
	 * directory.
	 */
	private Process startProcess(Database database, int port) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), GreenroomApplication.class.getName(), "--server.port=" + port,
				"--greenroom.ome.config-dir=" + this.data.resolve("ome-conf").toAbsolutePath(),
				"--greenroom.admission.snapshot-file=" + this.data.resolve("admission-snapshot.json").toAbsolutePath(),
				"--greenroom.ome.api-url=http://127.0.0.1:9", "--spring.main.banner-mode=off"));
		database.properties().forEach((property) -> command.add("--" + property));
		Path log = this.data.resolve("greenroom-process.log");
		Files.deleteIfExists(log);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static boolean healthy(String baseUrl) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Where the killed Greenroom keeps its data.
	 *
	 * @param url the JDBC URL
	 * @param username the user
	 * @param password the password
	 * @param schema PostgreSQL's schema of this run, or {@code null} on H2
	 */
	private record Database(String url, String username, String password, String schema) {

		static Database h2(Path data) {
			return new Database("jdbc:h2:file:" + data.resolve("greenroom").toAbsolutePath(), "sa", "", null);
		}

		/**
		 * A fresh schema in the PostgreSQL server CI starts, dropped by {@link #drop()}.
		 */
		static Database postgresql() {
			String server = System.getenv("GREENROOM_TEST_DB_URL");
			if (server == null || server.isBlank()) {
				String why = "GREENROOM_TEST_DB_URL is not set: no PostgreSQL server to kill Greenroom on";
				if (System.getenv("CI") != null) {
					throw new AssertionError(why + " (.ci/run must start PostgreSQL and export it)");
				}
				Assumptions.abort(why);
			}
			String schema = "killed_" + Long.toHexString(System.nanoTime());
			String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
			return new Database(url, env("GREENROOM_TEST_DB_USERNAME", "greenroom"),
					env("GREENROOM_TEST_DB_PASSWORD", ""), schema);
		}

		boolean h2() {
			return this.schema == null;
		}

		String[] schemas() {
			return h2() ? new String[0] : new String[] { this.schema };
		}

		/** Greenroom's settings for this database. */
		List<String> properties() {
			List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + this.url,
					"spring.datasource.username=" + this.username, "spring.datasource.password=" + this.password));
			if (!h2()) {
				properties.add("spring.profiles.active=postgres");
			}
			return properties;
		}

		void drop() throws Exception {
			if (!h2()) {
				try (Connection connection = DriverManager.getConnection(this.url, this.username, this.password);
						Statement statement = connection.createStatement()) {
					statement.execute("drop schema " + this.schema + " cascade");
				}
			}
		}

		@Override
		public String toString() {
			return h2() ? "H2" : "PostgreSQL";
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value != null) ? value : fallback;
		}

	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
