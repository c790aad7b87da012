package io.greenroom.config;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which database URLs get {@code DB_CLOSE_ON_EXIT=FALSE}; what it prevents is shown by
 * {@code KilledMidLoadIntegrationTests}.
 */
class H2ClosedByGreenroomTests {

	@Test
	void anH2UrlIsClosedByGreenroom() {
		assertThat(H2ClosedByGreenroom.closedByGreenroom("jdbc:h2:file:./data/greenroom;CACHE_SIZE=2048"))
			.isEqualTo("jdbc:h2:file:./data/greenroom;CACHE_SIZE=2048;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0");
		assertThat(H2ClosedByGreenroom.closedByGreenroom("jdbc:h2:mem:test"))
			.isEqualTo("jdbc:h2:mem:test;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0");
	}

	@Test
	void aSettingTheUrlNamesIsLeftAloneAndSoIsAnotherDatabase() {
		assertThat(H2ClosedByGreenroom.closedByGreenroom("jdbc:h2:file:/data/g;db_close_on_exit=true"))
			.isEqualTo("jdbc:h2:file:/data/g;db_close_on_exit=true;MAX_COMPACT_TIME=0");
		assertThat(H2ClosedByGreenroom
			.closedByGreenroom("jdbc:h2:file:/data/g;MAX_COMPACT_TIME=500;DB_CLOSE_ON_EXIT=TRUE"))
			.isEqualTo("jdbc:h2:file:/data/g;MAX_COMPACT_TIME=500;DB_CLOSE_ON_EXIT=TRUE");
		assertThat(H2ClosedByGreenroom.closedByGreenroom("jdbc:postgresql://postgres/greenroom"))
			.isEqualTo("jdbc:postgresql://postgres/greenroom");
	}

	@Test
	void thePoolIsGivenTheUrlBeforeItStarts() throws Exception {
		try (HikariDataSource hikari = new HikariDataSource()) {
			hikari.setJdbcUrl("jdbc:h2:mem:closed-by-greenroom");
			Object processed = H2ClosedByGreenroom.h2ClosedAfterItsWriters()
				.postProcessBeforeInitialization(hikari, "dataSource");
			assertThat(processed).isSameAs(hikari);
			assertThat(hikari.getJdbcUrl())
				.isEqualTo("jdbc:h2:mem:closed-by-greenroom;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0");
		}
	}

}
