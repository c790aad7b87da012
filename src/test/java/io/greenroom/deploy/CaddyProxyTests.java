package io.greenroom.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.greenroom.GreenroomInstance;
import io.greenroom.admission.OmeWebhook;
import io.greenroom.ome.OmeSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's Caddyfile, run by Debian's Caddy with its local CA for localhost, in
 * front of a running Greenroom and of a stand-in for OME's signalling port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaddyProxyTests {

	static final String CADDY = "/usr/bin/caddy";

	@TempDir
	static Path work;

	private GreenroomInstance greenroom;

	private SignallingStandIn signalling;

	private Process caddy;

	private int httpsPort;

	private int httpPort;

	private HttpClient client;

	@BeforeAll
	void start() throws Exception {
		assertThat(Path.of(CADDY)).as("Debian's caddy (apt-get install caddy; .ci/run does this)").isExecutable();
		this.greenroom = GreenroomInstance.startWithH2File(work.resolve("data"));
		this.signalling = new SignallingStandIn();
		this.httpsPort = freePort();
		this.httpPort = freePort();
		ProcessBuilder builder = new ProcessBuilder(CADDY, "run", "--config",
				Path.of("Caddyfile").toAbsolutePath().toString(), "--adapter", "caddyfile")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("caddy.log").toFile());
		Map<String, String> env = builder.environment();
		env.put("DOMAIN", "localhost");
		env.put("ACME_EMAIL", "ops@example.org");
		env.put("CADDY_HTTPS_PORT", String.valueOf(this.httpsPort));
		env.put("CADDY_HTTP_PORT", String.valueOf(this.httpPort));
		env.put("CADDY_ADMIN", "127.0.0.1:" + freePort());
		env.put("GREENROOM_UPSTREAM", this.greenroom.baseUrl().replace("http://", ""));
		env.put("OME_SIGNALLING_UPSTREAM", "127.0.0.1:" + this.signalling.port());
		env.put("HOME", work.toString());
		env.put("XDG_DATA_HOME", work.resolve("caddy-data").toString());
		env.put("XDG_CONFIG_HOME", work.resolve("caddy-config").toString());
		this.caddy = builder.start();
		Path root = work.resolve("caddy-data/caddy/pki/authorities/local/root.crt");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!(Files.exists(root) && listening(this.httpsPort)) && System.nanoTime() < deadline) {
			assertThat(this.caddy.isAlive()).as(Files.readString(work.resolve("caddy.log"))).isTrue();
			Thread.sleep(200);
		}
		this.client = HttpClient.newBuilder()
			.sslContext(trusting(root))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	@AfterAll
	void stop() throws Exception {
		if (this.caddy != null) {
			this.caddy.destroy();
			this.caddy.waitFor(10, TimeUnit.SECONDS);
		}
		this.signalling.close();
		this.greenroom.close();
	}

	@Test
	void servesGreenroomAtTheRootOverHttps() throws Exception {
		HttpResponse<String> login = get("https://localhost:" + this.httpsPort + "/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("<title>Log in · Greenroom</title>");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(login.headers().firstValue("Server")).isEmpty();
	}

	/**
	 * Caddy says the request came over TLS (X-Forwarded-Proto) and Tomcat's proxy valve
	 * believes it from a proxy on loopback: the session cookie is then Secure. A plain
	 * HTTP request straight to Greenroom gets it without.
	 */
	@Test
	void marksTheSessionCookieSecureBehindTls() throws Exception {
		HttpResponse<String> proxied = get("https://localhost:" + this.httpsPort + "/login");
		assertThat(proxied.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("GREENROOM_SESSION=")
				.contains("; Secure")
				.contains("HttpOnly"));
		HttpResponse<String> direct = get(this.greenroom.baseUrl() + "/login");
		assertThat(direct.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("GREENROOM_SESSION=").doesNotContain("Secure"));
	}

	@Test
	void redirectsHttpToHttps() throws Exception {
		HttpResponse<String> response = get("http://localhost:" + this.httpPort + "/apps");
		assertThat(response.statusCode()).isEqualTo(308);
		assertThat(response.headers().firstValue("Location")).hasValue("https://localhost/apps");
	}

	@Test
	void forwardsWhipUnderThePrefixWithPathAndQueryAsOmeExpects() throws Exception {
		HttpRequest offer = HttpRequest
			.newBuilder(
					URI.create("https://localhost:" + this.httpsPort + "/ome/show/slot-1?direction=whip&key=s3cr3t"))
			.header("Content-Type", "application/sdp")
			.POST(HttpRequest.BodyPublishers.ofString("v=0\r\n"))
			.build();
		HttpResponse<String> answer = this.client.send(offer, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(201);
		assertThat(this.signalling.requestLines()).contains("POST /show/slot-1?direction=whip&key=s3cr3t HTTP/1.1");
		assertThat(answer.headers().firstValue("Location")).hasValue("/ome/show/slot-1/session-1?direction=whip");
	}

	@Test
	void tellsOmeTheRealPeerWhateverAddressTheClientClaims() throws Exception {
		HttpRequest offer = HttpRequest
			.newBuilder(
					URI.create("https://localhost:" + this.httpsPort + "/ome/show/claims?direction=whip&key=s3cr3t"))
			.header("Content-Type", "application/sdp")
			.header("X-Real-IP", "198.51.100.9")
			.header("X-Forwarded-For", "198.51.100.10")
			.POST(HttpRequest.BodyPublishers.ofString("v=0\r\n"))
			.build();
		assertThat(this.client.send(offer, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
		List<String> headers = this.signalling.headersOf("POST /show/claims?direction=whip&key=s3cr3t HTTP/1.1");
		// OME copies X-Real-IP (else the first X-Forwarded-For entry) into the webhook's
		// real_ip: both must name the peer Caddy saw, this test on loopback.
		assertThat(headers).filteredOn((header) -> header.toLowerCase(java.util.Locale.ROOT).startsWith("x-real-ip:"))
			.containsExactly("X-Real-Ip: 127.0.0.1");
		assertThat(headers)
			.filteredOn((header) -> header.toLowerCase(java.util.Locale.ROOT).startsWith("x-forwarded-for:"))
			.containsExactly("X-Forwarded-For: 127.0.0.1");
		assertThat(String.join("\n", headers)).doesNotContain("198.51.100.");
	}

	@Test
	void passesWebSocketSignallingThrough() throws Exception {
		CompletableFuture<String> echoed = new CompletableFuture<>();
		WebSocket socket = this.client.newWebSocketBuilder()
			.buildAsync(URI.create("wss://localhost:" + this.httpsPort + "/ome/show/slot-1"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					echoed.complete(data.toString());
					return null;
				}

			})
			.get(10, TimeUnit.SECONDS);
		socket.sendText("{\"command\":\"request_offer\"}", true).get(5, TimeUnit.SECONDS);
		assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("{\"command\":\"request_offer\"}");
		assertThat(this.signalling.requestLines()).contains("GET /show/slot-1 HTTP/1.1");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
	}

	@Test
	void routesTheAdmissionWebhookToGreenroomForEdgesElsewhere() throws Exception {
		String body = OmeWebhook.opening("outgoing", "WebRTC", "ws://edge1.example.org:3333/show/slot-1",
				"198.51.100.7", 50123, null, null);
		HttpRequest signed = HttpRequest
			.newBuilder(URI.create("https://localhost:" + this.httpsPort + "/ome/admission"))
			.header("Content-Type", "application/json")
			.header("X-OME-Signature",
					OmeWebhook.signature(this.greenroom.bean(OmeSecrets.class).admissionSecretKey(), body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> answer = this.client.send(signed, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).startsWith("{\"allowed\":");
		assertThat(this.signalling.requestLines()).noneMatch((line) -> line.contains("admission"));
		HttpRequest unsigned = HttpRequest
			.newBuilder(URI.create("https://localhost:" + this.httpsPort + "/ome/admission"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		assertThat(this.client.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	@Test
	void neverExposesOmesRestApi() throws Exception {
		for (String path : List.of("/v1/vhosts", "/v1/vhosts/default/apps/show/streams")) {
			HttpResponse<String> response = get("https://localhost:" + this.httpsPort + path);
			// Greenroom answers (a login redirect), not OME's API: nothing routes to port
			// 8081.
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		}
	}

	@Test
	void validatesAndAdaptsWithOnlyGreenroomAndOmeSignallingAsUpstreams() throws Exception {
		Map<String, String> env = Map.of("DOMAIN", "live.example.org", "ACME_EMAIL", "ops@example.org", "HOME",
				work.toString());
		assertThat(caddy(env, "validate", "--config", "Caddyfile", "--adapter", "caddyfile"))
			.contains("Valid configuration");
		String adapted = caddy(env, "adapt", "--config", "Caddyfile");
		java.util.regex.Matcher dials = java.util.regex.Pattern.compile("\"dial\":\"([^\"]+)\"").matcher(adapted);
		java.util.Set<String> upstreams = new java.util.TreeSet<>();
		while (dials.find()) {
			upstreams.add(dials.group(1));
		}
		assertThat(upstreams).containsExactly("greenroom:8080", "ome:3333");
		assertThat(adapted).contains("\"strip_path_prefix\":\"/ome\"").contains("live.example.org");
	}

	private static String caddy(Map<String, String> env, String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of(CADDY));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(env);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static SSLContext trusting(Path rootCertificate) throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(rootCertificate)) {
			trust.setCertificateEntry("caddy-local", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static boolean listening(int port) {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
