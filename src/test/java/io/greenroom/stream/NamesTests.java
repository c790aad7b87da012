package io.greenroom.stream;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@Test
	void sortsNumbersInNamesAsAPersonCounts() {
		List<String> names = new ArrayList<>(List.of("slot-10", "slot-2", "b", "slot-1", "a-9", "a-10", "slot-02"));
		names.sort(Names.NATURAL_ORDER);
		assertThat(names).containsExactly("a-9", "a-10", "b", "slot-1", "slot-02", "slot-2", "slot-10");
	}

	@Test
	void givesOneReasonForABadName() {
		assertThat(Names.problem("")).startsWith("Type a name:");
		assertThat(Names.problem("a".repeat(65))).isEqualTo("That name has 65 characters; use at most 64.");
		assertThat(Names.problem("Main Stage")).isEqualTo(Names.RULE);
		assertThat(Names.problem("a".repeat(64))).isNull();
		assertThat(Names.problem("slot-1")).isNull();
	}

}
