package io.greenroom.ome.real;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A real OvenMediaEngine for integration tests, run from Greenroom's generated
 * {@code Server.xml} on free ports, under the shipped {@code deploy/ome-supervisor.sh}
 * (so "Apply" restarts it the way the compose deployment does).
 * <p>
 * Where OME comes from: the binary named by {@value #BIN_ENV}. Without it the calling
 * test is skipped with one line saying how to enable it, and under {@code CI} it fails
 * instead. (Running the pinned Docker image through Testcontainers when an engine is
 * reachable is not implemented: no machine here has a Docker engine.)
 * <p>
 * OME's console log is kept in the work directory; {@link #log()} gives its tail for
 * failure messages. {@link #close()} stops OME by its own process id: SIGTERM, then
 * SIGKILL.
 */
public final class RealOme implements AutoCloseable {

	/** Environment variable naming the OME binary. */
	public static final String BIN_ENV = "GREENROOM_TEST_OME_BIN";

	static final String HOW_TO_ENABLE = "Real-OME tests skipped: set " + BIN_ENV
			+ " to an OvenMediaEngine 0.19 binary (.ci/run sets it when the binary is available)";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("<AccessToken>([^<]+)</AccessToken>");

	private final Path binary;

	private final Path sourceConfigDir;

	private final Path omeConfigDir;

	private final Path consoleLog;

	private final Path restartScript;

	private final Ports ports;

	private Map<String, String> environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process supervisor;

	private final Thread shutdownHook;

	private RealOme(Path binary, Path sourceConfigDir, Path workDir, Ports ports, Map<String, String> environment)
			throws IOException {
		this.binary = binary;
		this.sourceConfigDir = sourceConfigDir;
		this.omeConfigDir = Files.createDirectories(workDir.resolve("ome-conf"));
		this.consoleLog = workDir.resolve("ome-console.log");
		this.restartScript = workDir.resolve("restart-ome.sh");
		this.ports = ports;
		this.environment = environment;
		this.shutdownHook = new Thread(this::kill, "real-ome-shutdown");
		Files.writeString(this.restartScript, """
				#!/bin/sh
				# Greenroom's restart command in tests: hand OME the new Server.xml and ask
				# the supervisor to restart it.
				set -e
				cp '%s/Server.xml' '%s/Server.xml'
				echo requested > '%s/restart-requested'
				""".formatted(sourceConfigDir, this.omeConfigDir, this.omeConfigDir));
		this.restartScript.toFile().setExecutable(true);
		Files.writeString(this.omeConfigDir.resolve("Logger.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<Logger version="2">
					<Path>%s</Path>
					<Tag name="HttpServer" level="warn" />
					<Tag name=".*\\.Stat" level="warn" />
					<Tag name=".*" level="info" />
				</Logger>
				""".formatted(workDir.resolve("ome-log")));
	}

	/**
	 * The OME binary to run, or skips the calling test (fails it under {@code CI}).
	 * @return an executable OvenMediaEngine
	 */
	public static Path binary() {
		String configured = System.getenv(BIN_ENV);
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			if (!Files.isExecutable(path)) {
				throw new IllegalStateException(BIN_ENV + "=" + configured + " is not an executable file");
			}
			return path;
		}
		String ci = System.getenv("CI");
		if (ci != null && !ci.isBlank()) {
			throw new AssertionError(HOW_TO_ENABLE.replace("skipped", "cannot run under CI"));
		}
		Assumptions.abort(HOW_TO_ENABLE);
		throw new IllegalStateException("unreachable");
	}

	/**
	 * The command Greenroom's {@code greenroom.ome.restart-command} should run: it copies
	 * the new {@code Server.xml} to OME and has the supervisor restart it.
	 * @param binary the OME binary
	 * @param sourceConfigDir where Greenroom writes {@code Server.xml}
	 * @param workDir a directory this OME owns
	 * @param ports the ports in the generated file
	 * @param environment extra environment for OME (for example {@code OME_HOST_IP})
	 * @return a prepared, not yet started OME
	 * @throws IOException when the work directory cannot be written
	 */
	public static RealOme prepare(Path binary, Path sourceConfigDir, Path workDir, Ports ports,
			Map<String, String> environment) throws IOException {
		return new RealOme(binary, sourceConfigDir, workDir, ports, environment);
	}

	/** Greenroom's restart command for this OME. */
	public String restartCommand() {
		return "/bin/sh " + this.restartScript;
	}

	/**
	 * Copies Greenroom's current {@code Server.xml}, starts OME and waits until its ports
	 * listen and its REST API answers.
	 * @throws IOException when OME cannot be started
	 */
	public void start() throws IOException {
		Files.copy(this.sourceConfigDir.resolve("Server.xml"), this.omeConfigDir.resolve("Server.xml"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", Path.of("deploy/ome-supervisor.sh").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.consoleLog.toFile()));
		builder.environment().put("OME_COMMAND", "'" + this.binary + "' -c '" + this.omeConfigDir + "'");
		builder.environment().put("RESTART_MARKER", this.omeConfigDir.resolve("restart-requested").toString());
		builder.environment().put("POLL_SECONDS", "0.2");
		builder.environment().remove("OME_HOST_IP");
		builder.environment().putAll(this.environment);
		this.supervisor = builder.start();
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		awaitReady(-1);
	}

	/** Stops OME (through its supervisor); {@link #start()} brings it back. */
	public void stop() {
		kill();
		Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
	}

	/**
	 * Stops OME and starts it again with another environment, for example a different
	 * {@code OME_HOST_IP}.
	 * @param environment the extra environment for OME from now on
	 * @throws IOException when OME cannot be started
	 */
	public void restartWith(Map<String, String> environment) throws IOException {
		kill();
		Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		this.environment = Map.copyOf(environment);
		start();
	}

	/**
	 * Waits until OME has been restarted (a new process) and answers again.
	 * @param previousPid the process id before the restart
	 */
	public void awaitRestarted(long previousPid) {
		awaitReady(previousPid);
	}

	/** OME's own process id, or -1 while it is not running. */
	public long pid() {
		return omeProcess().map(ProcessHandle::pid).orElse(-1L);
	}

	private Optional<ProcessHandle> omeProcess() {
		if (this.supervisor == null) {
			return Optional.empty();
		}
		return this.supervisor.descendants()
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().command().map((c) -> c.endsWith("OvenMediaEngine")).orElse(false))
			.findFirst();
	}

	private void awaitReady(long previousPid) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		String lastProblem = "not started";
		while (System.nanoTime() < deadline) {
			if (!this.supervisor.isAlive()) {
				throw new IllegalStateException("OME exited with status " + this.supervisor.exitValue() + "\n" + log());
			}
			long pid = pid();
			if (pid == -1 || pid == previousPid) {
				lastProblem = "OME process not (re)started";
			}
			else if (!listens(this.ports.rtmp()) || !listens(this.ports.signalling()) || !listens(this.ports.relay())) {
				lastProblem = "ports not listening yet";
			}
			else {
				try {
					HttpResponse<String> apps = api("/v1/vhosts/default/apps");
					if (apps.statusCode() == 200) {
						return;
					}
					lastProblem = "REST API answered " + apps.statusCode();
				}
				catch (IOException ex) {
					lastProblem = "REST API: " + ex;
				}
			}
			sleep(200);
		}
		throw new IllegalStateException(
				"OME not ready after " + START_TIMEOUT.toSeconds() + " s (" + lastProblem + ")\n" + log());
	}

	private static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A GET on OME's REST API with the access token from the running {@code Server.xml}.
	 * @param path for example {@code /v1/vhosts/default/apps}
	 * @return OME's answer
	 * @throws IOException when OME does not answer
	 */
	public HttpResponse<String> api(String path) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.ports.api() + path))
			.timeout(Duration.ofSeconds(5))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(accessToken().getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/**
	 * The stream names OME lists for an app.
	 * @param app the app
	 * @return the streams, empty when the app has none or does not exist
	 * @throws IOException when OME does not answer
	 */
	public List<String> streams(String app) throws IOException {
		HttpResponse<String> response = api("/v1/vhosts/default/apps/" + app + "/streams");
		List<String> names = new ArrayList<>();
		if (response.statusCode() != 200) {
			return names;
		}
		Matcher list = Pattern.compile("\"response\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(response.body());
		if (list.find()) {
			Matcher name = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
			while (name.find()) {
				names.add(name.group(1));
			}
		}
		return names;
	}

	private String accessToken() throws IOException {
		Matcher matcher = ACCESS_TOKEN.matcher(Files.readString(this.omeConfigDir.resolve("Server.xml")));
		if (!matcher.find()) {
			throw new IllegalStateException("No <AccessToken> in the running Server.xml");
		}
		return matcher.group(1);
	}

	/** The last 150 lines of OME's console log, for failure messages. */
	public String log() {
		try {
			List<String> lines = Files.readAllLines(this.consoleLog);
			List<String> tail = lines.subList(Math.max(0, lines.size() - 150), lines.size());
			return "---- OME console (" + this.consoleLog + ", last " + tail.size() + " lines) ----\n"
					+ ANSI.matcher(String.join("\n", tail)).replaceAll("");
		}
		catch (IOException ex) {
			return "(no OME log: " + ex.getMessage() + ")";
		}
	}

	/** The whole console log without colours. */
	public String fullLog() throws IOException {
		return ANSI.matcher(Files.readString(this.consoleLog)).replaceAll("");
	}

	public Ports ports() {
		return this.ports;
	}

	@Override
	public void close() {
		kill();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down already
		}
	}

	private void kill() {
		if (this.supervisor == null) {
			return;
		}
		List<ProcessHandle> children = this.supervisor.descendants().toList();
		// SIGTERM: the supervisor stops OME (SIGTERM, then SIGKILL after 10 s) and exits.
		this.supervisor.destroy();
		try {
			if (!this.supervisor.waitFor(15, TimeUnit.SECONDS)) {
				this.supervisor.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (ProcessHandle child : children) {
			if (child.isAlive()) {
				child.destroyForcibly();
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The ports OME binds, all free when chosen.
	 *
	 * @param greenroom Greenroom's HTTP port (OME's admission webhook target)
	 * @param rtmp RTMP
	 * @param signalling WebRTC signalling and WHIP
	 * @param api REST API
	 * @param iceFirst first of five UDP ports for ICE candidates
	 * @param relay TCP relay (TURN)
	 */
	public record Ports(int greenroom, int rtmp, int signalling, int api, int iceFirst, int relay) {

		/**
		 * Chooses free ports: five consecutive free UDP ports for ICE, TCP for the rest.
		 */
		public static Ports free() throws IOException {
			int[] tcp = new int[5];
			List<ServerSocket> held = new ArrayList<>();
			try {
				for (int i = 0; i < tcp.length; i++) {
					ServerSocket socket = new ServerSocket(0);
					held.add(socket);
					tcp[i] = socket.getLocalPort();
				}
			}
			finally {
				for (ServerSocket socket : held) {
					socket.close();
				}
			}
			return new Ports(tcp[0], tcp[1], tcp[2], tcp[3], freeUdpRange(5), tcp[4]);
		}

		private static int freeUdpRange(int count) throws IOException {
			for (int attempt = 0; attempt < 200; attempt++) {
				int first = ThreadLocalRandom.current().nextInt(20000, 30000 - count);
				if (udpFree(first, count)) {
					return first;
				}
			}
			throw new IOException("No " + count + " consecutive free UDP ports between 20000 and 30000");
		}

		private static boolean udpFree(int first, int count) {
			List<DatagramSocket> held = new ArrayList<>();
			try {
				for (int port = first; port < first + count; port++) {
					held.add(new DatagramSocket(port));
				}
				return true;
			}
			catch (IOException ex) {
				return false;
			}
			finally {
				held.forEach(DatagramSocket::close);
			}
		}

		/** The ICE range as Greenroom's {@code greenroom.ome.ice-ports} takes it. */
		public String iceRange() {
			return this.iceFirst + "-" + (this.iceFirst + 4) + "/udp";
		}

		/**
		 * Greenroom's settings that make its generated {@code Server.xml} use these ports
		 * on loopback, with OME's webhook pointing at this Greenroom.
		 * @param iceHost the address OME advertises when {@code OME_HOST_IP} is unset
		 * @return {@code name=value} properties
		 */
		public List<String> greenroomProperties(String iceHost) {
			Map<String, String> properties = new HashMap<>();
			properties.put("server.port", String.valueOf(this.greenroom));
			properties.put("greenroom.public.host", "127.0.0.1");
			properties.put("greenroom.public.tls-proxy", "false");
			properties.put("greenroom.public.signalling-port", String.valueOf(this.signalling));
			properties.put("greenroom.public.rtmp-port", String.valueOf(this.rtmp));
			properties.put("greenroom.ome.api-port", String.valueOf(this.api));
			properties.put("greenroom.ome.api-url", "http://127.0.0.1:" + this.api);
			properties.put("greenroom.ome.admission-url", "http://127.0.0.1:" + this.greenroom + "/ome/admission");
			properties.put("greenroom.ome.ice-ports", iceRange());
			properties.put("greenroom.ome.ice-host", iceHost);
			properties.put("greenroom.ome.tcp-relay-port", String.valueOf(this.relay));
			return properties.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList();
		}

	}

}
