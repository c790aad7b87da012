package io.greenroom.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The systemd units for hosts without Docker, checked by systemd's own
 * {@code systemd-analyze verify}, which reports unknown keys and bad values.
 */
class SystemdUnitsTests {

	private static final Path UNITS = Path.of("deploy/systemd");

	@ParameterizedTest
	@ValueSource(strings = { "greenroom.service", "ome-restart.path", "ome-restart.service" })
	void systemdAcceptsTheUnit(String unit) throws Exception {
		assertThat(Path.of("/usr/bin/systemd-analyze")).as("apt-get install systemd (.ci/run does this)")
			.isExecutable();
		Process process = new ProcessBuilder("/usr/bin/systemd-analyze", "verify", "--man=no",
				UNITS.resolve(unit).toAbsolutePath().toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(output.lines().filter((line) -> line.contains(unit))).as(output).isEmpty();
	}

	@Test
	void greenroomRunsHardenedAndTheRestartMarkerIsWatched() throws Exception {
		String service = Files.readString(UNITS.resolve("greenroom.service"));
		assertThat(service).contains("DynamicUser=yes", "ProtectSystem=strict", "NoNewPrivileges=yes", "MemoryMax=256M",
				"Environment=GREENROOM_OME_RESTART_MARKER=/var/lib/greenroom/ome-conf/restart-requested");
		assertThat(Files.readString(UNITS.resolve("ome-restart.path")))
			.contains("PathExists=/var/lib/greenroom/ome-conf/restart-requested");
		assertThat(Files.readString(UNITS.resolve("ome-restart.service")))
			.contains("ExecStart=/bin/rm -f /var/lib/greenroom/ome-conf/restart-requested")
			.contains("systemctl restart ovenmediaengine.service");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "*" })
	void greenroomRefusesToStartWithoutAnAdvertisedAddress(String iceHost) throws Exception {
		Process check = startPreCheck(iceHost);
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).isNotZero();
		assertThat(output).contains("set GREENROOM_OME_ICE_HOST in /etc/greenroom/greenroom.env");
	}

	@Test
	void greenroomStartsWithAnAdvertisedAddress() throws Exception {
		Process check = startPreCheck("203.0.113.10");
		assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).isZero();
	}

	/** The unit's ExecStartPre as systemd would run it ($$ is systemd's escaped $). */
	private static Process startPreCheck(String iceHost) throws Exception {
		String line = Files.readAllLines(UNITS.resolve("greenroom.service"))
			.stream()
			.filter((candidate) -> candidate.startsWith("ExecStartPre=/bin/sh -c '"))
			.findFirst()
			.orElseThrow();
		String script = line.substring("ExecStartPre=/bin/sh -c '".length(), line.length() - 1).replace("$$", "$");
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
		builder.environment().put("GREENROOM_OME_ICE_HOST", iceHost);
		return builder.start();
	}

}
