package io.greenroom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.greenroom.admission.SessionHistory;
import io.greenroom.layout.Fit;
import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutBox;
import io.greenroom.layout.Layouts;
import io.greenroom.ome.OmeSecrets;
import io.greenroom.stream.App;
import io.greenroom.stream.DuplicatePublisher;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database left by each released schema version ({@code db/testdata/upgrade/VN.sql}) is
 * upgraded by the current build with nothing lost, on H2 and, when
 * {@code GREENROOM_TEST_DB_URL} names one, on PostgreSQL (in a schema of its own).
 */
class UpgradeIntegrationTests {

	@TempDir
	Path data;

	@ParameterizedTest(name = "H2 from version {0}")
	@ValueSource(ints = { 1, 2, 3, 4, 5 })
	void upgradesAnH2Database(int version) throws Exception {
		String url = "jdbc:h2:file:" + this.data.resolve("greenroom").toAbsolutePath();
		prepare(url, "sa", "", version);
		try (GreenroomInstance greenroom = GreenroomInstance.start(this.data, "spring.datasource.url=" + url)) {
			assertNothingLost(greenroom, version);
		}
	}

	@ParameterizedTest(name = "PostgreSQL from version {0}")
	@ValueSource(ints = { 1, 5 })
	void upgradesAPostgresDatabase(int version) throws Exception {
		String server = System.getenv("GREENROOM_TEST_DB_URL");
		if (server == null || server.isBlank()) {
			Assumptions.assumeTrue(System.getenv("CI") == null, "CI must set GREENROOM_TEST_DB_URL");
			Assumptions.abort("GREENROOM_TEST_DB_URL is not set: the PostgreSQL upgrade is not run");
		}
		String user = env("GREENROOM_TEST_DB_USERNAME", "greenroom");
		String password = env("GREENROOM_TEST_DB_PASSWORD", "");
		String schema = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection connection = DriverManager.getConnection(server, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		try {
			prepare(url, user, password, version);
			try (GreenroomInstance greenroom = GreenroomInstance.start(this.data, "spring.profiles.active=postgres",
					"spring.datasource.url=" + url, "spring.datasource.username=" + user,
					"spring.datasource.password=" + password)) {
				assertNothingLost(greenroom, version);
			}
		}
		finally {
			try (Connection connection = DriverManager.getConnection(server, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
	}

	/**
	 * Migrates an empty database to {@code version} and fills it with that version's
	 * rows.
	 */
	private static void prepare(String url, String user, String password, int version) throws Exception {
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration")
			.target(Integer.toString(version))
			.load()
			.migrate();
		String fixture = new ClassPathResource("db/testdata/upgrade/V" + version + ".sql")
			.getContentAsString(StandardCharsets.UTF_8);
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			for (String sql : statements(fixture)) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("V" + version + ".sql does not fit schema version " + version, ex);
		}
	}

	private static void assertNothingLost(GreenroomInstance greenroom, int version) {
		JdbcTemplate jdbc = greenroom.bean(JdbcTemplate.class);
		assertThat(
				jdbc.queryForObject("select password_hash from admin_account where username = 'admin'", String.class))
			.as("the admin password is kept")
			.isEqualTo("$2a$10$upgradeFixtureHashUpgradeFixtureHashUpgradeFixtureHash0");

		StreamCatalog catalog = greenroom.bean(StreamCatalog.class);
		App show = catalog.findAppByName("show").orElseThrow();
		App call = catalog.findAppByName("call").orElseThrow();
		assertThat(catalog.listSlots(show.getId()))
			.extracting(Slot::getName, Slot::getDisplayName, Slot::getBitrateKbps, Slot::isEnabled,
					(slot) -> slot.getPublishSecret().value())
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("slot-1", "Racer 1", 2500, true,
							"upgradeFixtureSecretSlot1xxxxxxx"),
					org.assertj.core.groups.Tuple.tuple("slot-2", "Racer 2", 4000, false,
							"upgradeFixtureSecretSlot2xxxxxxx"));
		assertThat(catalog.listSlots(call.getId())).singleElement()
			.satisfies((slot) -> assertThat(slot.getPublishSecret().value())
				.isEqualTo("upgradeFixtureSecretAlicexxxxxxx"));

		if (version >= 2) {
			assertThat(show.getSettings().llhls()).isTrue();
			assertThat(greenroom.bean(OmeSecrets.class).admissionSecretKey()).as("OME's admission key is kept")
				.isEqualTo("upgradeFixtureAdmissionKey");
		}
		if (version >= 3) {
			assertThat(call.getAccessPolicy().privateViewing()).isTrue();
			assertThat(call.getAccessPolicy().onDuplicate()).isEqualTo(DuplicatePublisher.REPLACE);
			Long slot1 = catalog.findSlot("show", "slot-1").orElseThrow().getId();
			assertThat(greenroom.bean(SessionHistory.class).recent(slot1))
				.extracting((session) -> session.getProtocol() + " " + session.getClientAddress() + " "
						+ session.getRealIp() + " " + session.getEndReason())
				.as("a session still open when the old version stopped is marked lost at start")
				.containsExactly("WebRTC 172.18.0.5 203.0.113.2 lost", "RTMP 172.18.0.5 203.0.113.1 closed");
			assertThat(jdbc.queryForObject("select count(*) from publish_session", Integer.class))
				.as("a session of a slot that is gone is kept too")
				.isEqualTo(3);
		}
		if (version >= 4) {
			List<Layout> layouts = greenroom.bean(Layouts.class).list(show.getId());
			assertThat(layouts).singleElement().satisfies((layout) -> {
				assertThat(layout.getName()).isEqualTo("main");
				assertThat(layout.getWidth()).isEqualTo(1920);
				assertThat(layout.getBoxes())
					.extracting(LayoutBox::getX, LayoutBox::getFit, LayoutBox::getVolume, LayoutBox::isMuted)
					.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(0, Fit.COVER, 80, false),
							org.assertj.core.groups.Tuple.tuple(960, Fit.CONTAIN, 100, true));
			});
		}
	}

	private static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n")) {
			if (line.startsWith("--")) {
				continue;
			}
			current.append(line).append('\n');
			if (line.stripTrailing().endsWith(";")) {
				String sql = current.toString().strip();
				statements.add(sql.substring(0, sql.length() - 1));
				current.setLength(0);
			}
		}
		return statements;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
