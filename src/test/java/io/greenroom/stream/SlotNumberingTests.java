package io.greenroom.stream;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotNumberingTests {

	@Test
	void sortsNumbersByValue() {
		List<String> sorted = Stream.of("slot-10", "slot-2", "slot-1", "alice", "slot-9", "slot-02x", "bob-3")
			.sorted(Names.NATURAL_ORDER)
			.toList();
		assertThat(sorted).containsExactly("alice", "bob-3", "slot-1", "slot-2", "slot-02x", "slot-9", "slot-10");
	}

	@Test
	void continuesAfterTheHighestNumberIgnoringOtherNames() {
		assertThat(SlotNumbering.nextNumber(List.of())).isEqualTo(1);
		assertThat(SlotNumbering.nextNumber(List.of("alice", "slot-x", "slot-"))).isEqualTo(1);
		assertThat(SlotNumbering.nextNumber(List.of("slot-9", "slot-2"))).isEqualTo(10);
		assertThat(SlotNumbering.nextNumber(List.of("slot-1", "slot-7", "slot-3-backup"))).isEqualTo(8);
	}

}
