package io.greenroom.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AppCDS steps the Dockerfile and the systemd install run, on the jar this build
 * packaged: extract, {@code deploy/train-cds.sh}, then a start with
 * {@code deploy/jvm.options} and the archive. The archive must be mapped where it was
 * written (not relocated, which would turn it into anonymous memory) and Greenroom's own
 * classes must come from it.
 */
class AppCdsIT {

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	@Test
	void greenroomStartsWithItsTrainedArchiveMappedInPlace(@TempDir Path dir) throws Exception {
		Path jar;
		try (Stream<Path> jars = Files.list(Path.of("target"))) {
			jar = jars.filter((path) -> path.getFileName().toString().matches("greenroom-.*\\.jar"))
				.filter((path) -> !path.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow();
		}
		run(dir, JAVA, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
				dir.toString(), "--application-filename", "greenroom.jar");
		Files.copy(Path.of("deploy/jvm.options"), dir.resolve("jvm.options"));

		String training = run(dir, "sh", Path.of("deploy/train-cds.sh").toAbsolutePath().toString(), dir.toString(),
				JAVA);
		assertThat(training).contains("wrote " + dir.resolve("greenroom.jsa"));
		assertThat(Files.size(dir.resolve("greenroom.jsa"))).isGreaterThan(20_000_000L);

		String start = run(dir, JAVA, "@" + dir.resolve("jvm.options"),
				"-XX:SharedArchiveFile=" + dir.resolve("greenroom.jsa"), "-Xshare:on", "-Xlog:cds=info",
				"-Xlog:class+load=info", "-Dspring.context.exit=onRefresh", "-jar",
				dir.resolve("greenroom.jar").toString(), "--spring.datasource.url=jdbc:h2:mem:cds",
				"--greenroom.ome.config-dir=" + dir.resolve("ome-conf"), "--greenroom.admin.password=not-used-here",
				"--logging.level.root=WARN");
		assertThat(start).contains("Mapped dynamic region").doesNotContainIgnoringCase("alternative address");
		assertThat(start).containsPattern("io\\.greenroom\\.admission\\.AdmissionPolicy source: shared objects file");
	}

	private static String run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text.length() > 4000 ? text.substring(text.length() - 4000) : text).isZero();
		return text;
	}

}
