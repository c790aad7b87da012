package io.greenroom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.greenroom.admission.OmeWebhook;
import io.greenroom.admission.PublishSession;
import io.greenroom.admission.SessionHistory;
import io.greenroom.layout.Fit;
import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutBox;
import io.greenroom.layout.LayoutDraft;
import io.greenroom.layout.Layouts;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backup taken from a running Greenroom, restored into a fresh one, holds every app,
 * slot, secret, layout and session: on H2 through the dashboard's download (H2's online
 * {@code BACKUP TO}), and on PostgreSQL with {@code pg_dump} and {@code psql} when
 * {@code GREENROOM_TEST_DB_URL} names a server and the tools are installed. These are the
 * commands docs/deploy.md gives.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackupIntegrationTests {

	private static final String PASSWORD = "backup-test-password-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	Path data;

	@Test
	void anH2BackupDownloadedWhileGreenroomRunsRestoresEverything(CapturedOutput output) throws Exception {
		Path running = this.data.resolve("running");
		Path restored = this.data.resolve("restored");
		Contents written;
		byte[] zip;
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(running,
				"greenroom.admin.password=" + PASSWORD)) {
			written = fill(greenroom);
			HttpResponse<byte[]> response = downloadBackup(greenroom.baseUrl());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
			assertThat(response.headers().firstValue("Content-Disposition"))
				.hasValueSatisfying((value) -> assertThat(value)
					.matches("attachment; filename=\"greenroom-backup-\\d{8}-\\d{6}\\.zip\""));
			zip = response.body();
			// Greenroom keeps answering after the backup.
			assertThat(greenroom.bean(StreamCatalog.class).findAppByName("show")).isPresent();
		}
		assertThat(output.getOut()).contains("Backed up the database").doesNotContain(written.secret());

		Files.createDirectories(restored);
		assertThat(unzip(zip, restored)).containsExactly("greenroom.mv.db");
		try (GreenroomInstance fresh = GreenroomInstance.startWithH2File(restored,
				"greenroom.admin.password=" + PASSWORD)) {
			assertRestored(fresh, written);
		}
	}

	@Test
	void aPostgresDumpRestoredIntoAnEmptySchemaHoldsEverything() throws Exception {
		String server = System.getenv("GREENROOM_TEST_DB_URL");
		if (server == null || server.isBlank()) {
			Assumptions.assumeTrue(System.getenv("CI") == null, "CI must set GREENROOM_TEST_DB_URL");
			Assumptions.abort("GREENROOM_TEST_DB_URL is not set: the pg_dump backup is not tried");
		}
		Assumptions.assumeTrue(
				Files.isExecutable(Path.of("/usr/bin/pg_dump")) && Files.isExecutable(Path.of("/usr/bin/psql")),
				"pg_dump and psql are not installed");
		String user = env("GREENROOM_TEST_DB_USERNAME", "greenroom");
		String password = env("GREENROOM_TEST_DB_PASSWORD", "");
		String schema = "backup_" + UUID.randomUUID().toString().substring(0, 8);
		String libpq = server.replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", "");
		Path dump = this.data.resolve("greenroom.sql");
		psql(libpq, user, password, "CREATE SCHEMA " + schema);
		String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		try {
			Contents written;
			try (GreenroomInstance greenroom = GreenroomInstance.start(this.data.resolve("first"),
					"spring.profiles.active=postgres", "spring.datasource.url=" + url,
					"spring.datasource.username=" + user, "spring.datasource.password=" + password)) {
				written = fill(greenroom);
				run(password, "pg_dump", "--dbname=" + libpq, "--username=" + user, "--schema=" + schema, "--no-owner",
						"--file=" + dump);
			}
			psql(libpq, user, password, "DROP SCHEMA " + schema + " CASCADE");
			run(password, "psql", "--dbname=" + libpq, "--username=" + user, "--set=ON_ERROR_STOP=1", "--quiet",
					"--file=" + dump);
			try (GreenroomInstance fresh = GreenroomInstance.start(this.data.resolve("second"),
					"spring.profiles.active=postgres", "spring.datasource.url=" + url,
					"spring.datasource.username=" + user, "spring.datasource.password=" + password)) {
				assertRestored(fresh, written);
			}
		}
		finally {
			psql(libpq, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	/** What the test wrote, to find again after the restore. */
	private record Contents(Long showId, Long slotId, String secret, String admissionKey) {
	}

	private static Contents fill(GreenroomInstance greenroom) throws Exception {
		StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
		App show = catalog.createApp("show");
		Slot slot1 = catalog.createSlot(show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
		Slot slot2 = catalog.createSlot(show.getId(), new SlotDraft("slot-2", "Racer 2", 4000, false));
		catalog.createApp("call");
		Layouts layouts = greenroom.bean(Layouts.class);
		Layout layout = layouts.create(show.getId(), "main");
		LayoutBox box = new LayoutBox(slot1.getId(), 0, 0, 960, 540, 0, Fit.COVER, 80, false, "Racer one");
		LayoutBox other = new LayoutBox(slot2.getId(), 960, 0, 960, 540, 1, Fit.CONTAIN, 100, true, null);
		layouts.save(show.getId(), layout.getId(),
				new LayoutDraft("main", 1920, 1080, "#112233", true, List.of(box, other)));

		String admissionKey = greenroom.bean(OmeSecrets.class).admissionSecretKey();
		OmeWebhook ome = new OmeWebhook(greenroom.baseUrl(), admissionKey);
		String secret = slot1.getPublishSecret().value();
		String url = "rtmp://127.0.0.1:1935/show/slot-1?key=" + secret;
		assertThat(ome.send(OmeWebhook.opening("incoming", "RTMP", url, "172.29.213.5", 40001, "203.0.113.1", null))
			.body()).contains("\"allowed\":true");
		ome.send(OmeWebhook.closing("incoming", "RTMP", url, "rtmp://127.0.0.1:1935/show/slot-1", "172.29.213.5", 40001,
				"203.0.113.1"));
		SessionHistory history = greenroom.bean(SessionHistory.class);
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> history.recent(slot1.getId()).stream().anyMatch((s) -> s.getEndedAt() != null));
		return new Contents(show.getId(), slot1.getId(), secret, admissionKey);
	}

	private static void assertRestored(GreenroomInstance greenroom, Contents written) {
		StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
		assertThat(catalog.findAppByName("call")).isPresent();
		App show = catalog.findAppByName("show").orElseThrow();
		assertThat(show.getId()).isEqualTo(written.showId());
		assertThat(catalog.listSlots(show.getId())).extracting(Slot::getName, Slot::getBitrateKbps, Slot::isEnabled)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("slot-1", 2500, true),
					org.assertj.core.groups.Tuple.tuple("slot-2", 4000, false));
		assertThat(catalog.findSlot(show.getId(), written.slotId()).orElseThrow().getPublishSecret().value())
			.isEqualTo(written.secret());
		assertThat(greenroom.bean(OmeSecrets.class).admissionSecretKey()).isEqualTo(written.admissionKey());
		assertThat(greenroom.bean(Layouts.class).list(show.getId())).singleElement().satisfies((layout) -> {
			assertThat(layout.getWidth()).isEqualTo(1920);
			assertThat(layout.getBoxes()).extracting(LayoutBox::getX, LayoutBox::getFit, LayoutBox::getVolume)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(0, Fit.COVER, 80),
						org.assertj.core.groups.Tuple.tuple(960, Fit.CONTAIN, 100));
		});
		assertThat(greenroom.bean(SessionHistory.class).recent(written.slotId()))
			.extracting(PublishSession::getProtocol, PublishSession::getRealIp, PublishSession::getEndReason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("RTMP", "203.0.113.1", "closed"));
	}

	/** Logs in as the admin and presses "Download a backup" on the settings page. */
	private static HttpResponse<byte[]> downloadBackup(String baseUrl) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = client.send(get(baseUrl + "/login"), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> loggedIn = client.send(
				post(baseUrl + "/login", "username=admin&password=" + PASSWORD + "&_csrf=" + csrf(login)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/apps"));
		String settings = client.send(get(baseUrl + "/settings"), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(settings).contains("Download a backup");
		return client.send(post(baseUrl + "/settings/backup", "_csrf=" + csrf(settings)),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("the page carries a CSRF token").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build();
	}

	private static HttpRequest post(String url, String form) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static List<String> unzip(byte[] zip, Path directory) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path target = directory.resolve(entry.getName()).normalize();
				assertThat(target.startsWith(directory)).isTrue();
				Files.copy(in, target);
				names.add(entry.getName());
			}
		}
		return names;
	}

	private static void psql(String libpq, String user, String password, String sql) throws Exception {
		run(password, "psql", "--dbname=" + libpq, "--username=" + user, "--set=ON_ERROR_STOP=1", "--quiet",
				"--command=" + sql);
	}

	private static void run(String password, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", password);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
