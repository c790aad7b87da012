package io.greenroom.ome;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RestartHookTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void reportsACommandThatSucceeds() {
		ApplyResult result = hook("echo restarted ome", null).run();
		assertThat(result.ok()).isTrue();
		assertThat(result.message()).contains("exited 0").contains("restarted ome");
	}

	@Test
	void reportsACommandThatFailsWithItsExitCodeAndOutput() {
		ApplyResult result = hook("echo 'Unit ovenmediaengine.service not found.' >&2; exit 5", null).run();
		assertThat(result.ok()).isFalse();
		assertThat(result.message()).contains("exit code 5").contains("Unit ovenmediaengine.service not found.");
	}

	@Test
	void writesTheMarkerFileForASupervisor() {
		Path marker = this.dir.resolve("restart-requested");
		ApplyResult result = hook(null, marker.toString()).run();
		assertThat(result.ok()).isTrue();
		assertThat(marker).hasContent("restart requested at 2026-11-25T18:00:00Z\n");
	}

	@Test
	void reportsAMarkerThatCannotBeWritten() throws Exception {
		Path file = java.nio.file.Files.writeString(this.dir.resolve("plain-file"), "x");
		ApplyResult result = hook(null, file.resolve("restart-requested").toString()).run();
		assertThat(result.ok()).isFalse();
		assertThat(result.message()).contains("Could not write the restart marker");
	}

	@Test
	void explainsWhatToSetWhenNothingIsConfigured() {
		RestartHook hook = hook(" ", "");
		assertThat(hook.configured()).isFalse();
		assertThat(hook.run().message()).contains("GREENROOM_OME_RESTART_COMMAND", "GREENROOM_OME_RESTART_MARKER");
	}

	private RestartHook hook(String command, String marker) {
		return new RestartHook(command, marker, new OmeConfigWriter(), CLOCK);
	}

}
