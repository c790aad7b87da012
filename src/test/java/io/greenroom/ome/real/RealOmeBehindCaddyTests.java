package io.greenroom.ome.real;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.greenroom.stream.App;
import io.greenroom.stream.PublishRefused;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repository's Caddyfile, run by Debian's Caddy, in front of a real OME's signalling
 * and WHIP port, with Greenroom deciding admission (issue 22): a client cannot choose
 * whom the wrong-key guard blocks by sending {@code X-Real-IP}. The attacker and the
 * streamer are two loopback addresses, so Caddy sees two different peers while OME sees
 * Caddy (a trusted proxy) for both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RealOmeCondition.class)
class RealOmeBehindCaddyTests {

	static final String CADDY = "/usr/bin/caddy";

	static final String STREAMER = "127.0.0.1";

	static final String ATTACKER = "127.0.0.2";

	@TempDir
	static Path work;

	private OmeStage stage;

	private Process caddy;

	private int httpsPort;

	private SSLContext tls;

	private Path offer;

	private final List<PublishRefused> refused = new CopyOnWriteArrayList<>();

	@BeforeAll
	void start() throws Exception {
		assertThat(Path.of(CADDY)).as("Debian's caddy (apt-get install caddy; .ci/run does this)").isExecutable();
		this.offer = work.resolve("offer.sdp");
		try (InputStream in = getClass().getResourceAsStream("/ome-whip/whip_chromium_offer.sdp")) {
			assertThat(in).as("src/test/resources/ome-whip/whip_chromium_offer.sdp").isNotNull();
			Files.copy(in, this.offer);
		}
		this.stage = OmeStage.start(work.resolve("stage"), (catalog) -> {
			App show = catalog.createApp("show");
			for (String slot : List.of("slot-1", "slot-2")) {
				catalog.createSlot(show.getId(), new SlotDraft(slot, slot, 2500, true));
			}
		}, Map.of());
		this.stage.greenroom().listen(PublishRefused.class, this.refused::add);
		startCaddy();
	}

	@AfterAll
	void stop() throws Exception {
		try {
			if (this.caddy != null) {
				this.caddy.destroy();
				this.caddy.waitFor(10, TimeUnit.SECONDS);
			}
		}
		finally {
			if (this.stage != null) {
				this.stage.close();
			}
		}
	}

	@Test
	void wrongKeysClaimingTheStreamersAddressBlockTheSenderAndLeaveTheStreamerAbleToPublish() throws Exception {
		String wrongKey = whipPath("slot-1", "not-the-key");
		for (int attempt = 1; attempt <= 11; attempt++) {
			Answer answer = post(ATTACKER, wrongKey, STREAMER);
			assertThat(answer.status()).as("wrong key %d: %s", attempt, answer.body()).isEqualTo(401);
		}
		// OME fills the webhook's real_ip from X-Real-IP; Caddy overwrote the client's
		// with the peer it saw, so Greenroom blamed the real sender, never the claim.
		await("ten refusals announced").atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(refusedFor("slot-1")).hasSize(10));
		assertThat(refusedFor("slot-1")).extracting(PublishRefused::address).containsOnly(ATTACKER);
		assertThat(refusedFor("slot-1")).extracting(PublishRefused::reason).containsOnly("wrong stream key");

		Answer streamer = post(STREAMER, whipPath("slot-1", secret("slot-1")), null);
		assertThat(streamer.status()).as(streamer.body() + "\n" + this.stage.ome().log()).isEqualTo(201);
		assertThat(streamer.body()).startsWith("v=0");

		// The attacker's own address is in its cool-down: even the right key is
		// refused.
		Answer attacker = post(ATTACKER, whipPath("slot-2", secret("slot-2")), STREAMER);
		assertThat(attacker.status()).as(attacker.body()).isEqualTo(401);
		assertThat(refusedFor("slot-2")).isEmpty();
	}

	@Test
	void aClientSentRealIpDoesNotReachOmeUnchanged() throws Exception {
		int before = this.refused.size();
		Answer answer = post(STREAMER, whipPath("no-such-slot", "guess"), "198.51.100.9");
		assertThat(answer.status()).as(answer.body()).isEqualTo(401);
		await("refusal announced").atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.refused).hasSize(before + 1));
		assertThat(this.refused.get(before).address()).isEqualTo(STREAMER);
		assertThat(this.refused.get(before).reason()).isEqualTo("unknown slot");
	}

	private List<PublishRefused> refusedFor(String slot) {
		return this.refused.stream().filter((event) -> event.slot().equals(slot)).toList();
	}

	private String secret(String slot) {
		return this.stage.bean(StreamCatalog.class).findSlot("show", slot).orElseThrow().getPublishSecret().value();
	}

	private static String whipPath(String slot, String key) {
		return "/ome/show/" + slot + "?direction=whip&key=" + key;
	}

	/**
	 * POSTs the offer through Caddy from a socket bound to {@code from}, so Caddy sees
	 * that peer (HTTP/1.0, so the answer is simply everything up to the end of the
	 * stream).
	 * @param realIp the X-Real-IP header the client sends, or null for none
	 */
	private Answer post(String from, String path, String realIp) throws Exception {
		byte[] sdp = Files.readAllBytes(this.offer);
		String head = "POST " + path + " HTTP/1.0\r\nHost: localhost:" + this.httpsPort
				+ "\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length + "\r\n"
				+ ((realIp != null) ? "X-Real-IP: " + realIp + "\r\n" : "") + "\r\n";
		try (SSLSocket socket = (SSLSocket) this.tls.getSocketFactory().createSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.httpsPort), 5000);
			socket.setSoTimeout(15000);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setServerNames(List.of(new SNIHostName("localhost")));
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			socket.setSSLParameters(parameters);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(sdp);
			out.flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int blank = response.indexOf("\r\n\r\n");
			assertThat(blank).as(response).isPositive();
			int status = Integer.parseInt(response.substring(0, response.indexOf("\r\n")).split(" ")[1]);
			return new Answer(status, response.substring(blank + 4));
		}
	}

	record Answer(int status, String body) {
	}

	private void startCaddy() throws Exception {
		this.httpsPort = freePort();
		ProcessBuilder builder = new ProcessBuilder(CADDY, "run", "--config",
				Path.of("Caddyfile").toAbsolutePath().toString(), "--adapter", "caddyfile")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("caddy.log").toFile());
		Map<String, String> env = builder.environment();
		env.put("DOMAIN", "localhost");
		env.put("ACME_EMAIL", "ops@example.org");
		env.put("CADDY_HTTPS_PORT", String.valueOf(this.httpsPort));
		env.put("CADDY_HTTP_PORT", String.valueOf(freePort()));
		env.put("CADDY_ADMIN", "127.0.0.1:" + freePort());
		env.put("GREENROOM_UPSTREAM", this.stage.greenroom().baseUrl().replace("http://", ""));
		env.put("OME_SIGNALLING_UPSTREAM", "127.0.0.1:" + this.stage.ome().ports().signalling());
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
		this.tls = trusting(root);
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
		try (Socket socket = new Socket("127.0.0.1", port)) {
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
