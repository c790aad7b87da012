package io.greenroom.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.greenroom.GreenroomApplication;
import io.greenroom.GreenroomInstance;
import io.greenroom.stream.App;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database Greenroom cannot open at start: Greenroom runs as its own process, stops
 * with a non-zero status and a few plain lines saying what is wrong and what to do, and
 * the data is untouched. The H2 cases are real faults (another process holds the file;
 * the file is {@code /dev/full}, which refuses every write with "No space left on
 * device"). Read-only files and PostgreSQL's refusals are checked on the analyzer itself:
 * the tests run as root here, which writes to read-only files anyway.
 */
class DatabaseFaultsTests {

	@TempDir
	Path data;

	@Test
	void aDatabaseInUseByAnotherProcessStopsTheStartAndLosesNothing() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.createApp("show");
			catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
		}
		Process holder = java(H2FileHolder.class.getName(), this.data.resolve("greenroom").toAbsolutePath().toString())
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader holding = new BufferedReader(
					new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
			assertThat(holding.readLine()).isEqualTo("holding");
			Stopped stopped = startGreenroom(this.data);
			assertThat(stopped.exitCode()).isNotZero();
			assertThat(stopped.log()).contains("Greenroom's H2 database is in use by another process")
				.contains(this.data.resolve("greenroom").toAbsolutePath().toString())
				.contains("Stop the other Greenroom")
				.doesNotContain("\tat ");
		}
		finally {
			holder.getOutputStream().close();
			assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
		}
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
			App show = catalog.findAppByName("show").orElseThrow();
			assertThat(catalog.listSlots(show.getId())).extracting((slot) -> slot.getName()).containsExactly("slot-1");
		}
	}

	@Test
	void aFullDiskStopsTheStartWithThatCause() throws Exception {
		try (SmallDisk disk = SmallDisk.mount(disk(), "16k")) {
			Stopped stopped = startGreenroom(disk());
			assertThat(stopped.exitCode()).isNotZero();
			assertThat(stopped.log()).contains("The disk that holds Greenroom's database is full")
				.contains("Free space on that disk")
				.doesNotContain("\tat ");
		}
	}

	@Test
	void aReadOnlyDiskStopsTheStartAndLosesNothing() throws Exception {
		try (SmallDisk disk = SmallDisk.mount(disk(), "16m")) {
			try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(disk())) {
				StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
				catalog.createApp("show");
			}
			disk.remount("ro");
			Stopped stopped = startGreenroom(disk());
			assertThat(stopped.exitCode()).isNotZero();
			assertThat(stopped.log()).contains("Greenroom's database cannot be written")
				.contains("write access to the data directory")
				.doesNotContain("\tat ");
			disk.remount("rw");
			try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(disk())) {
				assertThat(greenroom.bean(StreamCatalog.class).findAppByName("show")).isPresent();
			}
		}
	}

	@Test
	void aDamagedFileAndARefusingServerEachGetTheirOwnWords() {
		DatabaseFailureAnalyzer analyzer = new DatabaseFailureAnalyzer();
		assertThat(analyzer.analyze(wrapped(new SQLException("The database is read only [90097-240]", "90097",
				DatabaseFailureAnalyzer.H2_DATABASE_IS_READ_ONLY))))
			.extracting(FailureAnalysis::getDescription)
			.asString()
			.contains("cannot be written");
		assertThat(analyzer.analyze(wrapped(new SQLException("IO Exception: \"/data/greenroom.mv.db\"", "90028", 90028,
				new java.nio.file.AccessDeniedException("/data/greenroom.mv.db: Read-only file system")))))
			.extracting(FailureAnalysis::getAction)
			.asString()
			.contains("write access to the data directory");
		assertThat(analyzer.analyze(
				wrapped(new SQLException("File corrupted while reading record: /data/greenroom.mv.db" + " [90030-240]",
						"90030", DatabaseFailureAnalyzer.H2_FILE_CORRUPTED))))
			.extracting(FailureAnalysis::getDescription)
			.asString()
			.isEqualTo("Greenroom's H2 database file is damaged: File corrupted while reading record: "
					+ "/data/greenroom.mv.db.");
		assertThat(analyzer.analyze(wrapped(new SQLException("Connection to db:5432 refused.", "08001"))))
			.extracting(FailureAnalysis::getDescription)
			.asString()
			.isEqualTo("Greenroom could not connect to its database server: Connection to db:5432 refused.");
		assertThat(analyzer.analyze(
				wrapped(new SQLException("FATAL: password authentication failed for user \"greenroom\"", "28P01"))))
			.extracting(FailureAnalysis::getAction)
			.asString()
			.contains("GREENROOM_DB_PASSWORD");
		assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
		assertThat(analyzer.analyze(wrapped(new SQLException("Syntax error", "42000", 42000)))).isNull();
	}

	private static Exception wrapped(SQLException cause) {
		return new IllegalStateException("Failed to initialize dependency 'flyway'",
				new RuntimeException("Unable to obtain connection from database", cause));
	}

	/**
	 * A small tmpfs mounted over the test's directory: a real disk that fills up, or that
	 * turns read-only. Mounting needs root with {@code CAP_SYS_ADMIN}; without it the
	 * test is reported as skipped with that reason.
	 */
	private static final class SmallDisk implements AutoCloseable {

		private final Path dir;

		private SmallDisk(Path dir) {
			this.dir = dir;
		}

		static SmallDisk mount(Path dir, String size) throws Exception {
			String failed = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
			assumeTrue(failed == null, () -> "Mounting a small tmpfs needs root with CAP_SYS_ADMIN: " + failed);
			return new SmallDisk(dir);
		}

		void remount(String mode) throws Exception {
			String failed = run("mount", "-o", "remount," + mode, this.dir.toString());
			assertThat(failed).as("remount " + mode).isNull();
		}

		@Override
		public void close() throws Exception {
			run("umount", this.dir.toString());
		}

		/** Runs a command; null when it succeeded, else what it printed. */
		private static String run(String... command) throws Exception {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return (process.waitFor() == 0) ? null : output.strip();
		}

	}

	/** How a Greenroom process that could not start ended. */
	private record Stopped(int exitCode, String log) {
	}

	/** The directory a test mounts its small disk on. */
	private Path disk() throws IOException {
		return Files.createDirectories(this.data.resolve("disk"));
	}

	/** Starts Greenroom as its own process on the H2 file in {@code dataDir}. */
	private Stopped startGreenroom(Path dataDir) throws Exception {
		Path log = this.data.resolve("greenroom-process.log");
		Process greenroom = java(GreenroomApplication.class.getName(), "--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("greenroom").toAbsolutePath(),
				"--greenroom.ome.config-dir=" + this.data.resolve("ome-conf").toAbsolutePath(),
				"--greenroom.admission.snapshot-file=" + this.data.resolve("admission-snapshot.json").toAbsolutePath(),
				"--greenroom.ome.api-url=http://127.0.0.1:9", "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!greenroom.waitFor(90, TimeUnit.SECONDS)) {
			greenroom.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("Greenroom did not stop: " + Files.readString(log));
		}
		return new Stopped(greenroom.exitValue(), Files.readString(log));
	}

	private static ProcessBuilder java(String mainClass, String... args) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return new ProcessBuilder(command);
	}

}
