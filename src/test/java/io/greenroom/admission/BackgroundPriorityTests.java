package io.greenroom.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Background threads get Linux's idle policy, read back from the kernel's own record of
 * each thread ({@code /proc/self/task/ID/stat}).
 */
@ExtendWith(OutputCaptureExtension.class)
class BackgroundPriorityTests {

	static final Path TASKS = Path.of("/proc/self/task");

	static final int SCHED_OTHER = 0;

	static final int SCHED_IDLE = 5;

	@Test
	void backgroundThreadsGetTheIdlePolicyAndOthersKeepTheirs() throws Exception {
		assumeTrue(Files.isDirectory(TASKS), "needs Linux's /proc");
		try (Parked writer = new Parked("H2-test-writer"); Parked answering = new Parked("http-nio-test")) {
			int lowered = new BackgroundPriority().lowerBackgroundThreads();

			assertThat(lowered).isPositive();
			assertThat(policiesOf("H2-test-writer")).containsExactly(SCHED_IDLE);
			assertThat(policiesOf("http-nio-test")).containsExactly(SCHED_OTHER);
		}
	}

	@Test
	void withoutTheToolItSaysSoOnceAndChangesNothing(CapturedOutput output) throws Exception {
		assumeTrue(Files.isDirectory(TASKS), "needs Linux's /proc");
		try (Parked writer = new Parked("H2-test-nochrt")) {
			BackgroundPriority priority = new BackgroundPriority(TASKS, "/nonexistent/chrt");

			assertThat(priority.lowerBackgroundThreads()).isZero();
			assertThat(priority.lowerBackgroundThreads()).isZero();

			assertThat(policiesOf("H2-test-nochrt")).containsExactly(SCHED_OTHER);
			assertThat(output.getAll().split("keep their normal priority", -1)).hasSize(2);
			assertThat(output.getAll()).contains("cannot run /nonexistent/chrt");
		}
	}

	@Test
	void aToolThatFailsIsReportedOnce(CapturedOutput output) throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/bin/false")), "needs /bin/false");
		try (Parked writer = new Parked("H2-test-failing")) {
			BackgroundPriority priority = new BackgroundPriority(TASKS, "/bin/false");

			assertThat(priority.lowerBackgroundThreads()).isZero();
			assertThat(priority.lowerBackgroundThreads()).isZero();

			assertThat(policiesOf("H2-test-failing")).containsExactly(SCHED_OTHER);
			assertThat(output.getAll().split("/bin/false failed", -1)).hasSize(2);
		}
	}

	@Test
	void withoutProcItSaysSoAndGreenroomGoesOn(CapturedOutput output) {
		BackgroundPriority priority = new BackgroundPriority(Path.of("/nonexistent/proc/self/task"), "chrt");

		assertThat(priority.lowerBackgroundThreads()).isZero();
		assertThat(output.getAll()).contains("cannot list this process's threads");
	}

	/** The scheduling policy of every thread of this process with that (kernel) name. */
	static List<Integer> policiesOf(String name) throws IOException {
		try (Stream<Path> threads = Files.list(TASKS)) {
			// A thread of this JVM may end while the list is read: its files are gone.
			return threads.filter((thread) -> name.equals(readIfThere(thread.resolve("comm")).strip()))
				.map((thread) -> policy(read(thread.resolve("stat"))))
				.toList();
		}
	}

	/**
	 * Field 41 of proc(5)'s stat; the name in field 2 may hold spaces, so count from its
	 * end.
	 */
	private static int policy(String stat) {
		String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Integer.parseInt(afterName[41 - 3]);
	}

	private static String readIfThere(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A thread that waits until closed, so it can be found by name meanwhile. */
	private static final class Parked implements AutoCloseable {

		private final CountDownLatch release = new CountDownLatch(1);

		private final Thread thread;

		Parked(String name) throws InterruptedException {
			CountDownLatch started = new CountDownLatch(1);
			this.thread = new Thread(() -> {
				started.countDown();
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, name);
			this.thread.start();
			started.await();
		}

		@Override
		public void close() throws InterruptedException {
			this.release.countDown();
			this.thread.join();
		}

	}

}
