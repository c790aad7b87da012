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

}
