package io.greenroom;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.stream.Collectors;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Keeps what the whole unit-test run printed, and every secret its Greenroom instances
 * held, for {@code SecretsNeverLoggedIT} to compare after the run. Active when the
 * {@value #DIRECTORY_PROPERTY} system property names a directory (the build sets it for
 * Surefire): standard output and error are copied to {@code output-PID.log} there, and
 * {@link #remember} appends to {@code secrets-PID.txt}.
 */
public final class SecretScan implements TestExecutionListener {

	/** The system property naming the directory. */
	public static final String DIRECTORY_PROPERTY = "greenroom.secret-scan";

	/** Shorter strings are placeholders or test literals, not generated secrets. */
	static final int MIN_LENGTH = 16;

	private static OutputStream copy;

	@Override
	public synchronized void testPlanExecutionStarted(TestPlan plan) {
		Path dir = directory();
		if (dir == null || copy != null) {
			return;
		}
		try {
			Files.createDirectories(dir);
			copy = new FileOutputStream(dir.resolve("output-" + ProcessHandle.current().pid() + ".log").toFile(), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setOut(new PrintStream(new Tee(System.out, copy), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(new Tee(System.err, copy), true, StandardCharsets.UTF_8));
	}

	@Override
	public synchronized void testPlanExecutionFinished(TestPlan plan) {
		if (copy != null) {
			System.out.flush();
			System.err.flush();
		}
	}

	/** Notes secrets a Greenroom instance of this run held. */
	public static synchronized void remember(Collection<String> secrets) {
		Path dir = directory();
		if (dir == null) {
			return;
		}
		String lines = secrets.stream()
			.filter((secret) -> secret != null && secret.length() >= MIN_LENGTH)
			.collect(Collectors.joining("\n", "", "\n"));
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("secrets-" + ProcessHandle.current().pid() + ".txt"), lines,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path directory() {
		String dir = System.getProperty(DIRECTORY_PROPERTY);
		return (dir != null && !dir.isBlank()) ? Path.of(dir) : null;
	}

	/** Writes to the original stream and to the run's copy. */
	private static final class Tee extends OutputStream {

		private final OutputStream original;

		private final OutputStream copy;

		Tee(OutputStream original, OutputStream copy) {
			this.original = original;
			this.copy = copy;
		}

		@Override
		public void write(int b) throws IOException {
			this.original.write(b);
			synchronized (this.copy) {
				this.copy.write(b);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.original.write(bytes, offset, length);
			synchronized (this.copy) {
				this.copy.write(bytes, offset, length);
			}
		}

		@Override
		public void flush() throws IOException {
			this.original.flush();
			synchronized (this.copy) {
				this.copy.flush();
			}
		}

	}

}
