package io.greenroom.admission;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.greenroom.GreenroomInstance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Session ids are numbers handed out in order: they must never repeat across a restart,
 * and sessions recorded under the UUID keys of version 3 keep their place.
 */
class SessionIdTests {

	private static final long SLOT_ID = 7;

	private static final Instant START = Instant.parse("2026-11-25T18:00:00Z");

	@TempDir
	Path data;

	@Test
	void numbersSessionsOnFromTheLargestRecordedIdAfterARestart() throws InterruptedException {
		long first;
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			SessionHistory history = greenroom.bean(SessionHistory.class);
			first = history.newSessionId();
			long second = history.newSessionId();
			assertThat(second).isGreaterThan(first);
			history.opened(session(first, START));
			history.opened(session(second, START.plusSeconds(1)));
			history.flush();
		}
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			SessionHistory history = greenroom.bean(SessionHistory.class);
			long next = history.newSessionId();
			assertThat(next).isEqualTo(first + 2);
			history.opened(session(next, START.plusSeconds(2)));
			history.flush();
			assertThat(history.recent(SLOT_ID)).extracting(PublishSession::getId)
				.containsExactly(next, first + 1, first);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void upgradingNumbersUuidKeyedSessionsInTheOrderTheyStarted(String database) {
		boolean h2 = database.equals("h2");
		String schema = h2 ? "public" : "upgrade_" + Long.toUnsignedString(System.nanoTime(), 36);
		DataSource dataSource = h2 ? h2() : postgresql(schema);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		try {
			flyway(dataSource, h2, schema).target("4").load().migrate();
			jdbc.update("insert into app (name, created_at) values ('show', ?)", Timestamp.from(START));
			long appId = jdbc.queryForObject("select id from app where name = 'show'", Long.class);
			jdbc.update("insert into slot (app_id, name, display_name, bitrate_kbps, enabled, publish_secret,"
					+ " secret_rotated_at, created_at) values (?, 'slot-1', 'Slot 1', 2500, true, 'secret', ?, ?)",
					appId, Timestamp.from(START), Timestamp.from(START));
			long slotId = jdbc.queryForObject("select id from slot where name = 'slot-1'", Long.class);
			insertVersion3(jdbc, "019a0000-0000-7000-8000-00000000000b", "slot-2", START.plusSeconds(60), "closed");
			insertVersion3(jdbc, "019a0000-0000-7000-8000-00000000000a", "slot-1", START, "replaced");
			insertVersion3(jdbc, "019a0000-0000-7000-8000-00000000000c", "slot-1", START.plusSeconds(120), null);

			flyway(dataSource, h2, schema).load().migrate();

			List<Map<String, Object>> rows = jdbc
				.queryForList("select id, slot_id, slot_name, end_reason from publish_session order by id");
			assertThat(rows).extracting((row) -> ((Number) row.get("id")).longValue()).containsExactly(1L, 2L, 3L);
			assertThat(rows).extracting((row) -> row.get("slot_name")).containsExactly("slot-1", "slot-2", "slot-1");
			assertThat(rows).as("slot-2 is gone; slot-1 is found by its names")
				.extracting((row) -> (row.get("slot_id") != null) ? ((Number) row.get("slot_id")).longValue() : null)
				.containsExactly(slotId, null, slotId);
			assertThat(rows).extracting((row) -> row.get("end_reason")).containsExactly("replaced", "closed", null);
			assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where"
					+ " lower(table_schema) = ? and lower(table_name) = 'publish_session' and lower(column_name) = 'id'"
					+ " and lower(data_type) = 'bigint'", Integer.class, schema))
				.isEqualTo(1);
			assertThat(jdbc.queryForList("select id from publish_session where slot_id = ? order by id desc",
					Long.class, slotId))
				.containsExactly(3L, 1L);
		}
		finally {
			if (!h2) {
				jdbc.execute("drop schema " + schema + " cascade");
			}
		}
	}

	private static FluentConfiguration flyway(DataSource dataSource, boolean h2, String schema) {
		FluentConfiguration flyway = Flyway.configure().dataSource(dataSource);
		return h2 ? flyway : flyway.schemas(schema);
	}

	private static DataSource h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		return h2;
	}

	private static DataSource postgresql(String schema) {
		String url = System.getenv("GREENROOM_TEST_DB_URL");
		if (url == null || url.isBlank()) {
			if (System.getenv("CI") != null) {
				fail("GREENROOM_TEST_DB_URL is not set: .ci/run must start PostgreSQL and export it");
			}
			Assumptions.abort("GREENROOM_TEST_DB_URL is not set; see README 'Tests' to run against PostgreSQL");
		}
		return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				env("GREENROOM_TEST_DB_USERNAME", "greenroom"), env("GREENROOM_TEST_DB_PASSWORD", ""));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	private static void insertVersion3(JdbcTemplate jdbc, String id, String slot, Instant startedAt, String endReason) {
		jdbc.update("insert into publish_session (id, app_name, slot_name, protocol, client_address, client_port,"
				+ " started_at, ended_at, end_reason) values (?, 'show', ?, 'RTMP', '172.18.0.5', 40000, ?, ?, ?)", id,
				slot, Timestamp.from(startedAt), (endReason != null) ? Timestamp.from(startedAt.plusSeconds(30)) : null,
				endReason);
	}

	@Test
	void sessionsOfThisRunAreNotTakenForOnesAnEarlierRunLeftOpen() throws Exception {
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			SessionHistory history = greenroom.bean(SessionHistory.class);
			long id = history.newSessionId();
			history.opened(session(id, START));
			history.flush();
			history.closeSessionsLeftOpen();
			assertThat(greenroom.bean(org.springframework.jdbc.core.JdbcTemplate.class)
				.queryForObject("select end_reason from publish_session where id = ?", String.class, id)).isNull();
		}
	}

	@Test
	void sessionsLeftOpenAreMarkedLostEvenWhenTheirRowsAreLockedForAMoment() throws Exception {
		long id;
		try (GreenroomInstance earlier = GreenroomInstance.startWithH2File(this.data)) {
			SessionHistory history = earlier.bean(SessionHistory.class);
			id = history.newSessionId();
			history.opened(session(id, START));
			history.flush();
		}
		try (GreenroomInstance greenroom = GreenroomInstance.startWithH2File(this.data)) {
			SessionHistory history = greenroom.bean(SessionHistory.class);
			// Open again, as a run killed before it could record the end leaves it.
			greenroom.bean(org.springframework.jdbc.core.JdbcTemplate.class)
				.update("update publish_session set ended_at = null, end_reason = null where id = ?", id);
			DataSource dataSource = greenroom.bean(DataSource.class);
			try (java.sql.Connection holder = dataSource.getConnection()) {
				// Another transaction holds the open session's row, as what a killed run
				// left half written can for a moment after the restart.
				holder.setAutoCommit(false);
				holder.createStatement().executeUpdate("update publish_session set end_reason = null where id = " + id);
				Thread release = new Thread(() -> {
					try {
						Thread.sleep(3000);
						holder.commit();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				release.start();
				history.closeSessionsLeftOpen();
				release.join();
			}
			org.springframework.jdbc.core.JdbcTemplate jdbc = greenroom
				.bean(org.springframework.jdbc.core.JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select end_reason from publish_session where id = ?", String.class, id))
				.isEqualTo("lost");
		}
	}

	private static PublishSession session(long id, Instant startedAt) {
		return new PublishSession(id, SLOT_ID, "show", "slot-1", "RTMP", "172.18.0.5", 40000, null, null, startedAt);
	}

}
