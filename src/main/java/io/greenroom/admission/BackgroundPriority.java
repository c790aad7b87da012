package io.greenroom.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Gives the threads that write things down (the session history, H2's writers, the live
 * poller) Linux's idle scheduling policy, so that on a busy core an admission answer
 * never waits behind them: the kernel switches to a normal thread the moment it wakes.
 * <p>
 * Measured with the stress mix of {@code bench/admission-load.sh}: without it, about half
 * of the answers over 5 ms were waiting for a background thread to give up the core
 * rather than for a collection. The cost is that these threads only run when the core has
 * nothing else to do, which at the load Greenroom is built for is most of the time; if
 * the core stays saturated, session records wait in their bounded queue.
 * <p>
 * Java has no call for this, so it runs {@code chrt --idle} once per thread when
 * Greenroom is ready, which needs no privilege. Where that is not possible (not Linux, no
 * {@code chrt}), it says so once and Greenroom runs as before.
 */
class BackgroundPriority {

	private static final Logger logger = LoggerFactory.getLogger(BackgroundPriority.class);

	/**
	 * Thread names as the kernel keeps them (the first 15 characters): Greenroom's own
	 * writers and notification sender (and the log's minute summaries), and H2's
	 * serialization, save and background-writer threads.
	 */
	static final List<String> BACKGROUND = List.of("session-history", "live-poller", "live-board", "log-budget",
			AdmissionSnapshotWriter.THREAD, "notify-sender", "H2-", "MVStore");

	private final Path tasks;

	private final String command;

	private volatile boolean possible = true;

	BackgroundPriority() {
		this(Path.of("/proc/self/task"), "chrt");
	}

	BackgroundPriority(Path tasks, String command) {
		this.tasks = tasks;
		this.command = command;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		int lowered = lowerBackgroundThreads();
		if (lowered > 0) {
			logger.debug("Gave {} background thread(s) the idle scheduling policy", lowered);
		}
	}

	/**
	 * Lowers every background thread running now; returns how many were lowered. Safe to
	 * call again: a thread already idle stays so.
	 */
	int lowerBackgroundThreads() {
		if (!this.possible) {
			return 0;
		}
		List<String> ids;
		try {
			ids = backgroundThreadIds();
		}
		catch (IOException ex) {
			giveUp("cannot list this process's threads (" + ex.getMessage() + ")");
			return 0;
		}
		int lowered = 0;
		for (String id : ids) {
			String failure = makeIdle(id);
			if (failure == null) {
				lowered++;
			}
			else if (Files.exists(this.tasks.resolve(id))) {
				giveUp(failure);
				return lowered;
			}
			// Otherwise the thread ended after the list was read: nothing to lower.
		}
		return lowered;
	}

	private List<String> backgroundThreadIds() throws IOException {
		List<String> ids = new ArrayList<>();
		try (Stream<Path> threads = Files.list(this.tasks)) {
			for (Path thread : (Iterable<Path>) threads::iterator) {
				String name = threadName(thread);
				if (name != null && BACKGROUND.stream().anyMatch(name::startsWith)) {
					ids.add(thread.getFileName().toString());
				}
			}
		}
		return ids;
	}

	/** The thread's name, or null if it ended while the list was read. */
	private static @Nullable String threadName(Path thread) {
		try {
			return Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Returns null when done, or why it could not be. */
	private @Nullable String makeIdle(String threadId) {
		ProcessBuilder builder = new ProcessBuilder(this.command, "--idle", "--pid", "0", threadId)
			.redirectErrorStream(true);
		try {
			Process process = builder.start();
			// Its few lines of output fit in the pipe, so waiting first cannot block it.
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return this.command + " did not finish within 5 s";
			}
			if (process.exitValue() != 0) {
				byte[] output = process.getInputStream().readAllBytes();
				return this.command + " failed: " + new String(output, StandardCharsets.UTF_8).strip();
			}
			return null;
		}
		catch (IOException ex) {
			return "cannot run " + this.command + " (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private void giveUp(String reason) {
		this.possible = false;
		logger.info("Background threads keep their normal priority: {}. Admission answers may wait behind them"
				+ " on a busy core.", reason);
	}

}
