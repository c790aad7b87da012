package io.greenroom.ome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Restarts OME so it reads a new {@code Server.xml}: either a command (for example
 * {@code systemctl restart ovenmediaengine}) or a marker file that a supervisor watches.
 */
class RestartHook {

	/** How long a restart command may run. */
	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

	private static final int MAX_OUTPUT = 2000;

	private final @Nullable String command;

	private final @Nullable String marker;

	private final OmeConfigWriter writer;

	private final Clock clock;

	RestartHook(@Nullable String command, @Nullable String marker, OmeConfigWriter writer, Clock clock) {
		this.command = OmeProperties.hasText(command) ? command : null;
		this.marker = OmeProperties.hasText(marker) ? marker : null;
		this.writer = writer;
		this.clock = clock;
	}

	boolean configured() {
		return this.command != null || this.marker != null;
	}

	String describe() {
		if (this.command != null) {
			return "runs the command: " + this.command;
		}
		if (this.marker != null) {
			return "writes the marker file " + this.marker + " for the supervisor";
		}
		return "not configured";
	}

	ApplyResult run() {
		if (this.command != null) {
			return runCommand(this.command);
		}
		if (this.marker != null) {
			Path file = Path.of(this.marker).toAbsolutePath();
			try {
				this.writer.write(file.getParent(), file.getFileName().toString(),
						"restart requested at " + this.clock.instant() + "\n");
				return new ApplyResult(true, "Asked the supervisor to restart OME (wrote " + file + ").");
			}
			catch (IOException ex) {
				return new ApplyResult(false, "Could not write the restart marker " + file + ": " + ex.getMessage());
			}
		}
		return new ApplyResult(false, "No restart hook is configured. Set GREENROOM_OME_RESTART_COMMAND or "
				+ "GREENROOM_OME_RESTART_MARKER, or restart OME by hand.");
	}

	private static ApplyResult runCommand(String command) {
		Path log = null;
		try {
			log = Files.createTempFile("greenroom-restart", ".log");
			Process process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			process.getOutputStream().close();
			if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new ApplyResult(false, "The restart command did not finish within " + COMMAND_TIMEOUT.toSeconds()
						+ " s and was stopped.");
			}
			String output = tail(Files.readString(log, StandardCharsets.UTF_8).strip());
			String detail = output.isEmpty() ? "" : " Output: " + output;
			int exit = process.exitValue();
			return (exit == 0) ? new ApplyResult(true, "OME restarted (the command exited 0)." + detail)
					: new ApplyResult(false, "The restart command failed with exit code " + exit + "." + detail);
		}
		catch (IOException ex) {
			return new ApplyResult(false, "Could not run the restart command: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new ApplyResult(false, "Interrupted while restarting OME.");
		}
		finally {
			deleteQuietly(log);
		}
	}

	private static String tail(String output) {
		return (output.length() <= MAX_OUTPUT) ? output : "…" + output.substring(output.length() - MAX_OUTPUT);
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a leftover temp file is harmless
			}
		}
	}

}
