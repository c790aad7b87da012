package io.greenroom.deploy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.greenroom.admission.OmeWebhook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar this build packaged, set up as the Dockerfile and the systemd install set it
 * up: extracted, {@code deploy/jvm.options} beside it and an AppCDS archive trained by
 * {@code deploy/train-cds.sh} (once, for both tests). The unit tests run the context
 * without the ahead-of-time code {@code process-aot} generates; here it runs.
 */
class PackagedJarIT {

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "packaged-start-password";

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@TempDir
	static Path dir;

	private static String training;

	@BeforeAll
	static void extractAndTrain() throws Exception {
		Path jar;
		try (Stream<Path> jars = Files.list(Path.of("target"))) {
			jar = jars.filter((path) -> path.getFileName().toString().matches("greenroom-.*\\.jar"))
				.filter((path) -> !path.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow();
		}
		run(dir, JAVA, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
				dir.toString(), "--application-filename", "greenroom.jar");
		Files.copy(Path.of("deploy/jvm.options"), dir.resolve("jvm.options"));
		training = run(dir, "sh", Path.of("deploy/train-cds.sh").toAbsolutePath().toString(), dir.toString(), JAVA);
	}

	/**
	 * The archive must be mapped where it was written (not relocated, which would turn it
	 * into anonymous memory) and Greenroom's own classes must come from it.
	 */
	@Test
	void greenroomStartsWithItsTrainedArchiveMappedInPlace() throws Exception {
		assertThat(training).contains("wrote " + dir.resolve("greenroom.jsa"));
		assertThat(Files.size(dir.resolve("greenroom.jsa"))).isGreaterThan(20_000_000L);

		// An admission snapshot for this start's database, as a previous run leaves one.
		Files.writeString(dir.resolve("cds-admission-snapshot.json"),
				"{\"version\":1,\"database\":\""
						+ HexFormat.of()
							.formatHex(MessageDigest.getInstance("SHA-256")
								.digest("jdbc:h2:mem:cds".getBytes(StandardCharsets.UTF_8)))
						+ "\",\"admissionKey\":\"k\",\"viewerKey\":\"v\",\"apps\":[]}");
		String start = run(dir, JAVA, "@" + dir.resolve("jvm.options"),
				"-XX:SharedArchiveFile=" + dir.resolve("greenroom.jsa"), "-Xshare:on", "-Xlog:cds=info",
				"-Xlog:class+load=info", "-Dspring.context.exit=onRefresh", "-jar",
				dir.resolve("greenroom.jar").toString(), "--spring.datasource.url=jdbc:h2:mem:cds",
				"--greenroom.ome.config-dir=" + dir.resolve("cds-ome-conf"),
				"--greenroom.admission.snapshot-file=" + dir.resolve("cds-admission-snapshot.json"),
				"--greenroom.admin.password=not-used-here", "--logging.level.root=WARN",
				"--logging.level.io.greenroom.admission.EarlyAdmission=INFO");
		assertThat(start).contains("Mapped dynamic region").doesNotContainIgnoringCase("alternative address");
		assertThat(start).containsPattern("io\\.greenroom\\.admission\\.AdmissionPolicy source: shared objects file");
		// Admission was answered from the snapshot while the context was built, from
		// archived classes (this start ends before the hand-over).
		assertThat(start).contains("Answering OME's admission webhook on port 8080")
			.containsPattern("sun\\.net\\.httpserver\\.ServerImpl source: shared objects file");
	}

	/**
	 * A producer signs in, creates an app and a slot through the forms and opens the live
	 * board; OME's admission webhook, signed with the key from the Server.xml Greenroom
	 * wrote, is answered from the catalogue; SIGTERM stops it cleanly.
	 */
	@Test
	void theStartedJarServesTheDashboardAndAdmissionFromItsAheadOfTimeContext() throws Exception {
		assertThat(Files.readAllLines(dir.resolve("jvm.options"))).contains("-Dspring.aot.enabled=true");
		int port = freePort();
		String base = "http://127.0.0.1:" + port;
		Path log = dir.resolve("greenroom.log");
		Process greenroom = new ProcessBuilder(JAVA, "@" + dir.resolve("jvm.options"),
				"-XX:SharedArchiveFile=" + dir.resolve("greenroom.jsa"), "-jar",
				dir.resolve("greenroom.jar").toString(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/greenroom"),
				"--greenroom.ome.config-dir=" + dir.resolve("ome-conf"),
				"--greenroom.admission.snapshot-file=" + dir.resolve("admission-snapshot.json"),
				"--greenroom.admin.password=" + PASSWORD, "--greenroom.ome.api-url=http://127.0.0.1:" + freePort())
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			awaitHealthy(base, greenroom, log);
			assertThat(Files.readString(log)).contains("Starting AOT-processed GreenroomApplication");

			String csrf = csrf(get(base + "/login"));
			HttpResponse<String> login = post(base + "/login",
					Map.of("_csrf", csrf, "username", "admin", "password", PASSWORD));
			assertThat(login.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));

			HttpResponse<String> created = post(base + "/apps/new",
					Map.of("_csrf", csrf(get(base + "/apps/new")), "name", "show"));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
			String app = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/apps/", "");
			HttpResponse<String> slot = post(base + "/apps/" + app + "/slots/new",
					Map.of("_csrf", csrf(get(base + "/apps/" + app)), "name", "cam-1", "displayName", "Camera one",
							"bitrateKbps", "2500", "enabled", "true"));
			assertThat(slot.statusCode()).as(slot.body()).isEqualTo(302);
			assertThat(get(base + "/apps/" + app)).contains("Camera one").contains("cam-1");
			assertThat(get(base + "/apps/" + app + "/live")).contains("Camera one");

			Matcher key = Pattern.compile("<SecretKey>([^<]+)</SecretKey>")
				.matcher(Files.readString(dir.resolve("ome-conf/Server.xml")));
			assertThat(key.find()).isTrue();
			OmeWebhook webhook = new OmeWebhook(base, key.group(1));
			HttpResponse<String> viewer = webhook.send(OmeWebhook.opening("outgoing", "WebRTC",
					"ws://127.0.0.1:3333/show/cam-1", "192.0.2.10", 40000, null, "Mozilla/5.0"));
			assertThat(viewer.statusCode()).isEqualTo(200);
			assertThat(viewer.body()).contains("\"allowed\":true");
			HttpResponse<String> wrongKey = webhook.send(OmeWebhook.opening("incoming", "RTMP",
					"rtmp://127.0.0.1:1935/show/cam-1?key=not-the-key", "192.0.2.11", 40001, null, null));
			assertThat(wrongKey.statusCode()).isEqualTo(200);
			assertThat(wrongKey.body()).contains("\"allowed\":false");
		}
		finally {
			greenroom.destroy();
			assertThat(greenroom.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(greenroom.exitValue()).as("exit after SIGTERM").isIn(0, 143);
		assertThat(Files.readString(log)).doesNotContain("ERROR").doesNotContain("Exception");
	}

	private void awaitHealthy(String base, Process greenroom, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			assertThat(greenroom.isAlive()).as(() -> tail(log)).isTrue();
			try {
				HttpResponse<String> health = this.http.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not healthy within 120 s: " + tail(log));
	}

	private String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
		return matcher.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			String text = Files.readString(log);
			return text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static String run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text.length() > 4000 ? text.substring(text.length() - 4000) : text).isZero();
		return text;
	}

}
