package io.greenroom.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIdTests {

	@Test
	void sessionIdsSortInTheOrderTheyWereMadeSoNewRowsGoToTheEndOfTheIndex() {
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			made.add(SessionHistory.newSessionId());
		}
		assertThat(made).isSorted().doesNotHaveDuplicates();
		assertThat(made).allSatisfy((id) -> {
			assertThat(id).hasSize(36);
			assertThat(UUID.fromString(id).version()).isEqualTo(7);
		});
	}

}
