package io.greenroom.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml through Compose's own validation (Debian's docker-compose; there is
 * no Docker engine here), the OME supervisor wrapper run for real with a stand-in for
 * OME's binary, and what can be checked of the Dockerfile without building it.
 */
class DeploymentFilesTests {

	static final String COMPOSE = "/usr/bin/docker-compose";

	@TempDir
	Path work;

	@Test
	void composeFileIsValidWithOnlyDomainEmailAndAdvertisedAddressSet() throws Exception {
		String config = compose(Path.of(".env.example"), "config");
		assertThat(config).contains("image: airensoft/ovenmediaengine:v0.20.0")
			.contains("GREENROOM_PUBLIC_HOST: live.example.org")
			.contains("OME_HOST_IP: 203.0.113.10")
			.contains("GREENROOM_OME_ICE_HOST: 203.0.113.10")
			.contains("image: caddy:2");
		String ome = section(config, "  ome:");
		assertThat(ome)
			.contains("published: 1935", "published: 3478", "protocol: udp\n      published: 10000",
					"protocol: udp\n      published: 10004")
			.doesNotContain("published: 3333")
			.doesNotContain("published: 8081");
		assertThat(section(config, "  greenroom:")).contains("mem_limit: 256m").doesNotContain("published:");
		assertThat(section(config, "  caddy:")).contains("mem_limit: 64m");
	}

	@Test
	void composeRefusesToStartWithoutADomain() throws Exception {
		Path noDomain = Files.writeString(this.work.resolve("no-domain.env"), "OME_HOST_IP=203.0.113.10\n");
		Process process = composeProcess(noDomain, "config");
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(output).contains("set DOMAIN in .env");
	}

	@Test
	void composeRefusesToStartWithoutTheAddressOmeAdvertises() throws Exception {
		// Without it OME would hand viewers its bridge-network address for media and
		// relay.
		Path noAddress = Files.writeString(this.work.resolve("no-address.env"),
				"DOMAIN=live.example.org\nACME_EMAIL=ops@example.org\n");
		Process process = composeProcess(noAddress, "config");
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(output).contains("set OME_HOST_IP in .env to this server's public IP address");
	}

	@Test
	void greenroomsRestartMarkerIsTheFileTheOmeSupervisorWatches() throws Exception {
		String compose = Files.readString(Path.of("docker-compose.yml"));
		String supervisor = Files.readString(Path.of("deploy/ome-supervisor.sh"));
		assertThat(compose).contains("GREENROOM_OME_RESTART_MARKER: /ome-conf/restart-requested")
			.contains("- ome-conf:/ome-conf")
			.contains("- ome-conf:/opt/ovenmediaengine/bin/origin_conf");
		assertThat(supervisor)
			.contains("RESTART_MARKER=${RESTART_MARKER:-/opt/ovenmediaengine/bin/origin_conf/restart-requested}");
	}

	@Test
	void supervisorRestartsOmeWhenGreenroomAsks() throws Exception {
		Path log = this.work.resolve("starts.log");
		Path marker = this.work.resolve("restart-requested");
		Process supervisor = supervisor("sh -c 'echo started >> " + log + "; exec sleep 60'", marker);
		try {
			awaitLines(log, 1);
			Files.writeString(marker, "restart requested\n");
			awaitLines(log, 2);
			assertThat(marker).doesNotExist();
			assertThat(supervisor.isAlive()).isTrue();
		}
		finally {
			supervisor.destroy();
		}
		assertThat(supervisor.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(supervisor.exitValue()).as("a stop signal stops OME and exits cleanly").isZero();
	}

	@Test
	void supervisorExitsWithOmesStatusWhenOmeDies() throws Exception {
		Process supervisor = supervisor("sh -c 'sleep 0.3; exit 7'", this.work.resolve("marker"));
		assertThat(supervisor.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(supervisor.exitValue()).isEqualTo(7);
	}

	@Test
	void dockerfileBuildsWithTheWrapperAndRunsAsANonRootUser() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		// The README's test command, without running the tests (they need Chromium, Caddy
		// and a
		// database server that the build stage does not have).
		assertThat(Files.readString(Path.of("README.md"))).contains("\n./mvnw verify\n");
		assertThat(dockerfile).contains("RUN ./mvnw -B -DskipTests verify")
			.contains("FROM eclipse-temurin:17-jre")
			.contains("USER greenroom")
			.contains("COPY deploy/jvm.options /app/jvm.options")
			.contains("exec java @/app/jvm.options -XX:SharedArchiveFile=/app/greenroom.jsa");
	}

	@Test
	void oneFileHoldsTheJvmFlagsForTheImageTheUnitAndTheBenchmark() throws Exception {
		List<String> flags = Files.readAllLines(Path.of("deploy/jvm.options"));
		assertThat(flags).contains("-Xms80m", "-Xmx80m", "-Xmn24m", "-XX:SurvivorRatio=4", "-XX:TargetSurvivorRatio=90",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
		// Without it Java 17 maps the image's AppCDS archive at a random address and
		// rewrites its
		// pointers, which turns ~55 MB of it into anonymous memory the 256 MB limit must
		// hold.
		assertThat(flags).containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
		// Without it a full collection walks the metadata of all ~20,000 classes and, in
		// the 256 MB limit, reads back the archive pages the kernel evicted: 1.5-2.4 s
		// instead of ~0.3 s under the admission benchmark (docs/performance.md).
		assertThat(flags).contains("-XX:-ClassUnloading");
		// The context as the build's process-aot goal generated it (PackagedJarIT starts
		// it).
		assertThat(flags).contains("-Dspring.aot.enabled=true");
		assertThat(Files.readString(Path.of("pom.xml"))).contains("<goal>process-aot</goal>");
		assertThat(Files.readString(Path.of("deploy/systemd/greenroom.service")))
			.contains("java @/opt/greenroom/jvm.options");
		assertThat(Files.readString(Path.of("bench/admission-load.sh"))).contains("deploy/jvm.options");
		// The JVM accepts the file as it is.
		Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"@deploy/jvm.options", "-version")
			.redirectErrorStream(true)
			.start();
		String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(java.exitValue()).as(output).isZero();
	}

	private Process supervisor(String omeCommand, Path marker) throws IOException {
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", "deploy/ome-supervisor.sh").redirectErrorStream(true)
			.redirectOutput(this.work.resolve("supervisor.log").toFile());
		builder.environment().put("OME_COMMAND", omeCommand);
		builder.environment().put("RESTART_MARKER", marker.toString());
		builder.environment().put("POLL_SECONDS", "0.2");
		return builder.start();
	}

	private static void awaitLines(Path file, int count) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (Files.exists(file) && Files.readAllLines(file).size() >= count) {
				return;
			}
			Thread.sleep(100);
		}
		assertThat(Files.exists(file) ? Files.readAllLines(file) : List.of()).hasSizeGreaterThanOrEqualTo(count);
	}

	private static String section(String config, String header) {
		int start = config.indexOf("\n" + header + "\n");
		assertThat(start).as(header).isNotNegative();
		int end = config.indexOf("\n  ", start + header.length() + 2);
		while (end >= 0 && config.charAt(end + 3) == ' ') {
			end = config.indexOf("\n  ", end + 1);
		}
		return (end < 0) ? config.substring(start) : config.substring(start, end);
	}

	private String compose(Path envFile, String... args) throws Exception {
		Process process = composeProcess(envFile, args);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private Process composeProcess(Path envFile, String... args) throws IOException {
		assertThat(Path.of(COMPOSE)).as("Debian's docker-compose (apt-get install docker-compose; .ci/run does this)")
			.isExecutable();
		List<String> command = new ArrayList<>(List.of(COMPOSE, "--env-file", envFile.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove("DOMAIN");
		builder.environment().remove("ACME_EMAIL");
		return builder.start();
	}

}
