package io.greenroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenroom.GreenroomInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The admission benchmark's own tools, run briefly against a real Greenroom: the seed
 * makes slots Greenroom admits, and the load generator's requests, in both mixes, are
 * answered with decisions rather than errors. Without this the benchmark could rot
 * unnoticed and report errors, or nothing, the next time someone needs its figures.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchmarkToolsTests {

	private static final Pattern PHASE = Pattern.compile(
			"requests=(\\d+) connections=4 target=200/s achieved=\\d+/s errors=(\\d+) allowed=(\\d+) denied=(\\d+) closed=(\\d+)"
					+ " sessions-opened=(\\d+)/s");

	@Test
	void theLoadGeneratorGetsDecisionsForBothMixesFromASeededGreenroom(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		Path seed = dir.resolve("seed.txt");
		BenchmarkSeed.main(new String[] { dir.resolve("data").toString(), "3", "4", seed.toString() });
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(dir.resolve("data"))) {
			int before = output.getOut().length();
			AdmissionLoadGenerator
				.main(new String[] { greenroom.baseUrl(), seed.toString(), "200", "4", "1", "1", "stress" });
			AdmissionLoadGenerator
				.main(new String[] { greenroom.baseUrl(), seed.toString(), "200", "4", "1", "0", "show" });
			Matcher phases = PHASE.matcher(output.getOut().substring(before));
			int count = 0;
			while (phases.find()) {
				count++;
				assertThat(Integer.parseInt(phases.group(1))).isEqualTo(200);
				assertThat(phases.group(2)).as("errors").isEqualTo("0");
				// Every request got an answer OME understands, and both decisions occur.
				int allowed = Integer.parseInt(phases.group(3));
				int denied = Integer.parseInt(phases.group(4));
				int closed = Integer.parseInt(phases.group(5));
				assertThat(allowed).isPositive();
				assertThat(denied).isPositive();
				assertThat(allowed + denied + closed).isEqualTo(200);
				// Publishes are allowed, and only those are closed later: never more
				// closings than
				// sessions opened since the generator started.
				assertThat(Integer.parseInt(phases.group(6))).as("sessions opened per second").isPositive();
			}
			// stress: warm-up and measured phase; show: measured phase only.
			assertThat(count).isEqualTo(3);
			assertThat(output.getOut().substring(before)).contains("warm-up (not counted): ")
				.containsPattern("latency ms: p50=\\d+\\.\\d+ p90=\\d+\\.\\d+ p99=\\d+\\.\\d+");
		}
	}

	@Test
	void theOmeStandInServesTheFirstSlotsOfTheSeedAsLive(@TempDir Path dir) throws Exception {
		Path seed = dir.resolve("seed.txt");
		Files.write(seed, java.util.List.of("admission-secret", "bench-0 slot-0 s0", "bench-0 slot-1 s1",
				"bench-1 slot-0 s2", "bench-1 slot-1 s3"));
		try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer()) {
			server.setDispatcher(BenchStandIns.liveStreams(3, seed));
			server.start();
			okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
			assertThat(get(client, server.url("/v1/vhosts/default/apps/bench-0/streams"))).contains("\"slot-0\"",
					"\"slot-1\"");
			assertThat(get(client, server.url("/v1/vhosts/default/apps/bench-1/streams"))).contains("\"slot-0\"")
				.doesNotContain("slot-1");
			assertThat(get(client, server.url("/v1/vhosts/default/apps/bench-1/streams/slot-0")))
				.contains("\"name\":\"slot-0\"", "H264");
			assertThat(get(client, server.url("/v1/vhosts/default/apps/bench-2/streams"))).contains("\"response\":[]");
		}
	}

	private static String get(okhttp3.OkHttpClient client, okhttp3.HttpUrl url) throws java.io.IOException {
		try (okhttp3.Response response = client.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
			return response.body().string();
		}
	}

	@Test
	void answersOverTheTargetAreListedWithWhenTheyWereDue(@TempDir Path dir) throws Exception {
		long[] byDue = { 1_000_000, 6_000_000, 4_999_999, 12_500_000 };
		AdmissionLoadGenerator.Phase phase = new AdmissionLoadGenerator.Phase(byDue, byDue, 1_700_000_000_000L,
				1_000_000, 0.004, 1, 1000, 0, 0, 0, 0, 0);
		Path slow = dir.resolve("slow.txt");
		phase.writeSlow(slow, 5_000_000);
		assertThat(Files.readAllLines(slow)).containsExactly("1700000000001.000 6.000", "1700000000003.000 12.500");
	}

	@Test
	void anUnknownMixIsRefusedByName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AdmissionLoadGenerator
				.main(new String[] { "http://127.0.0.1:1", "unused", "1", "1", "1", "0", "realistic" }))
			.withMessageContaining("Unknown mix 'realistic'");
	}

}
