package io.greenroom.ome.real;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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

	private Path rootCertificate;

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
	 * POSTs the offer through Caddy with curl bound to {@code from}, so Caddy sees that
	 * peer.
	 * @param realIp the X-Real-IP header the client sends, or null for none
	 */
	private Answer post(String from, String path, String realIp) throws Exception {
		Path body = Files.createTempFile(work, "answer", ".sdp");
		List<String> command = new ArrayList<>(
				List.of("curl", "-sS", "--max-time", "15", "--cacert", this.rootCertificate.toString(), "--resolve",
						"localhost:" + this.httpsPort + ":127.0.0.1", "--interface", from, "-o", body.toString(), "-w",
						"%{http_code}", "-H", "Content-Type: application/sdp", "--data-binary", "@" + this.offer));
		if (realIp != null) {
			command.addAll(List.of("-H", "X-Real-IP: " + realIp));
		}
		command.add("https://localhost:" + this.httpsPort + path);
		Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(curl.exitValue()).as(output).isZero();
		return new Answer(Integer.parseInt(output.trim()), Files.readString(body));
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
		this.rootCertificate = work.resolve("caddy-data/caddy/pki/authorities/local/root.crt");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!(Files.exists(this.rootCertificate) && listening(this.httpsPort)) && System.nanoTime() < deadline) {
			assertThat(this.caddy.isAlive()).as(Files.readString(work.resolve("caddy.log"))).isTrue();
			Thread.sleep(200);
		}
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
