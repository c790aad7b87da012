package io.greenroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.greenroom.GreenroomApplication;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.PublishSecret;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills an H2 file with {@code apps × slots} for the admission benchmark, through the
 * real migrations, and writes what the load generator needs (the admission key and each
 * slot's secret) to a file. Usage: {@code BenchmarkSeed DATA_DIR APPS SLOTS OUT_FILE}.
 */
public final class BenchmarkSeed {

	private BenchmarkSeed() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args[0]).toAbsolutePath();
		int apps = Integer.parseInt(args[1]);
		int slots = Integer.parseInt(args[2]);
		Path out = Path.of(args[3]);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GreenroomApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("greenroom"),
					"--greenroom.ome.config-dir=" + data.resolve("ome-conf"),
					"--greenroom.admission.snapshot-file=" + data.resolve("admission-snapshot.json"),
					"--logging.level.root=WARN", "--greenroom.admin.password=benchmark-password")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Timestamp now = Timestamp.from(Instant.now());
			List<String> lines = new ArrayList<>();
			lines.add(context.getBean(OmeSecrets.class).admissionSecretKey());
			List<Object[]> appRows = new ArrayList<>();
			for (int a = 0; a < apps; a++) {
				appRows.add(new Object[] { "bench-" + a, now });
			}
			jdbc.batchUpdate("insert into app (name, created_at) values (?, ?)", appRows);
			List<Object[]> slotRows = new ArrayList<>();
			for (int a = 0; a < apps; a++) {
				Long appId = jdbc.queryForObject("select id from app where name = ?", Long.class, "bench-" + a);
				for (int s = 0; s < slots; s++) {
					String secret = PublishSecret.generate().value();
					slotRows.add(new Object[] { appId, "slot-" + s, "Slot " + s, 2500, true, secret, now, now });
					lines.add("bench-" + a + " slot-" + s + " " + secret);
				}
			}
			jdbc.batchUpdate("insert into slot (app_id, name, display_name, bitrate_kbps, enabled, publish_secret,"
					+ " secret_rotated_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", slotRows);
			// -Dbench.notify-url: a Discord target for every app and event (the benchmark
			// points
			// it at a stand-in that never answers).
			String notifyUrl = System.getProperty("bench.notify-url");
			if (notifyUrl != null) {
				jdbc.update(
						"insert into notification_target (name, kind, url, on_live, on_offline, on_wrong_key,"
								+ " include_viewer_link, allow_mentions, created_at)"
								+ " values ('benchmark', 'DISCORD', ?, true, true, true, false, false, ?)",
						notifyUrl, now);
			}
			Files.write(out, lines);
			System.out.printf("Seeded %d apps x %d slots into %s%n", apps, slots, data);
		}
	}

}
