package io.greenroom.ome;

import java.nio.file.Path;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of OME's configuration as the dashboard shows it.
 *
 * @param file where {@code Server.xml} is written
 * @param writtenAt when it was last written or found up to date, or null before the first
 * attempt
 * @param writeError why the last write failed, or null when it succeeded
 * @param restartNeeded whether OME runs with an older file than the one written now
 * @param restartHook what "apply" does
 * @param restartHookConfigured whether "apply" can do anything
 */
public record OmeConfigStatus(Path file, @Nullable Instant writtenAt, @Nullable String writeError,
		boolean restartNeeded, String restartHook, boolean restartHookConfigured) {

	public boolean writeFailed() {
		return this.writeError != null;
	}

}
