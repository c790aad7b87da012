package io.greenroom.stream;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
@Import({ StreamCatalog.class, StreamCatalogTests.FixedClock.class })
class StreamCatalogTests {

	private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

	@Autowired
	private StreamCatalog catalog;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EntityManager entityManager;

	@Test
	void givesEachSlotItsOwnSecret() {
		App show = this.catalog.createApp("show");
		Slot one = this.catalog.createSlot(show.getId(), draft("slot-1"));
		Slot two = this.catalog.createSlot(show.getId(), draft("slot-2"));
		assertThat(one.getPublishSecret().value()).isNotEqualTo(two.getPublishSecret().value());
		assertThat(one.getSecretRotatedAt()).isEqualTo(NOW);
	}

	@Test
	void rotatingReplacesTheStoredSecretAtOnce() {
		App show = this.catalog.createApp("show");
		Slot slot = this.catalog.createSlot(show.getId(), draft("slot-1"));
		String before = slot.getPublishSecret().value();
		this.catalog.rotateSecret(show.getId(), slot.getId());
		String stored = this.jdbc.queryForObject("select publish_secret from slot where id = ?", String.class,
				slot.getId());
		assertThat(stored).isNotEqualTo(before).hasSize(32);
	}

	@Test
	void refusesADuplicateAppName() {
		this.catalog.createApp("show");
		assertThatExceptionOfType(DuplicateNameException.class).isThrownBy(() -> this.catalog.createApp("show"))
			.withMessageContaining("already exists");
	}

	@Test
	void refusesRenamingAnAppOntoAnother() {
		this.catalog.createApp("show");
		App other = this.catalog.createApp("other");
		assertThatExceptionOfType(DuplicateNameException.class)
			.isThrownBy(() -> this.catalog.renameApp(other.getId(), "show"));
	}

	@Test
	void allowsTheSameSlotNameInTwoApps() {
		App show = this.catalog.createApp("show");
		App call = this.catalog.createApp("call");
		this.catalog.createSlot(show.getId(), draft("slot-1"));
		this.catalog.createSlot(call.getId(), draft("slot-1"));
		assertThat(this.catalog.listSlots(call.getId())).extracting(Slot::getName).containsExactly("slot-1");
	}

	@Test
	void refusesADuplicateSlotNameWithinAnApp() {
		App show = this.catalog.createApp("show");
		this.catalog.createSlot(show.getId(), draft("slot-1"));
		assertThatExceptionOfType(DuplicateNameException.class)
			.isThrownBy(() -> this.catalog.createSlot(show.getId(), draft("slot-1")))
			.withMessageContaining("already has a slot named 'slot-1'");
	}

	@Test
	void deletingAnAppDeletesItsSlots() {
		App show = this.catalog.createApp("show");
		this.catalog.createSlot(show.getId(), draft("slot-1"));
		this.catalog.createSlot(show.getId(), draft("slot-2"));
		this.catalog.deleteApp(show.getId());
		this.entityManager.flush();
		assertThat(this.jdbc.queryForObject("select count(*) from slot", Integer.class)).isZero();
		assertThat(this.catalog.listApps()).isEmpty();
	}

	@Test
	void countsSlotsPerApp() {
		App show = this.catalog.createApp("show");
		this.catalog.createApp("empty");
		this.catalog.createSlot(show.getId(), draft("slot-1"));
		this.catalog.createSlot(show.getId(), draft("slot-2"));
		assertThat(this.catalog.listApps()).containsExactly(
				new AppSummary(this.catalog.listApps().get(0).id(), "empty", 0),
				new AppSummary(show.getId(), "show", 2));
	}

	@Test
	void disablesAndEnablesASlot() {
		App show = this.catalog.createApp("show");
		Slot slot = this.catalog.createSlot(show.getId(), draft("slot-1"));
		this.catalog.setSlotEnabled(show.getId(), slot.getId(), false);
		assertThat(this.catalog.findSlot(show.getId(), slot.getId()))
			.hasValueSatisfying((s) -> assertThat(s.isEnabled()).isFalse());
	}

	@Test
	void findsNoSlotThroughAnotherApp() {
		App show = this.catalog.createApp("show");
		App other = this.catalog.createApp("other");
		Slot slot = this.catalog.createSlot(show.getId(), draft("slot-1"));
		assertThat(this.catalog.findSlot(other.getId(), slot.getId())).isEmpty();
	}

	@Test
	void addingSlotsInBulkContinuesAfterSlot9WithSlot10() {
		App show = this.catalog.createApp("show");
		this.catalog.createNumberedSlots(show.getId(), 9, 2500);
		List<Slot> added = this.catalog.createNumberedSlots(show.getId(), 3, 4000);
		assertThat(added).extracting(Slot::getName).containsExactly("slot-10", "slot-11", "slot-12");
		assertThat(added).extracting(Slot::getDisplayName).containsExactly("Slot 10", "Slot 11", "Slot 12");
		assertThat(added).extracting(Slot::getBitrateKbps).containsOnly(4000);
		assertThat(added).extracting((slot) -> slot.getPublishSecret().value()).doesNotHaveDuplicates();
		assertThat(this.catalog.listSlots(show.getId())).extracting(Slot::getName)
			.containsExactly("slot-1", "slot-2", "slot-3", "slot-4", "slot-5", "slot-6", "slot-7", "slot-8", "slot-9",
					"slot-10", "slot-11", "slot-12");
	}

	@Test
	void addingSlotsInBulkDoesNotRefillGaps() {
		App show = this.catalog.createApp("show");
		this.catalog.createSlot(show.getId(), draft("slot-1"));
		this.catalog.createSlot(show.getId(), draft("slot-4"));
		this.catalog.createSlot(show.getId(), draft("alice"));
		assertThat(this.catalog.nextSlotName(show.getId())).isEqualTo("slot-5");
		assertThat(this.catalog.createNumberedSlots(show.getId(), 2, 2500)).extracting(Slot::getName)
			.containsExactly("slot-5", "slot-6");
		assertThat(this.catalog.listSlots(show.getId())).extracting(Slot::getName)
			.containsExactly("alice", "slot-1", "slot-4", "slot-5", "slot-6");
	}

	@Test
	void suggestsSlot1ForAnAppWithoutNumberedSlots() {
		App show = this.catalog.createApp("show");
		assertThat(this.catalog.nextSlotName(show.getId())).isEqualTo("slot-1");
	}

	@Test
	void editsOnlyTheDisplayNameInPlace() {
		App show = this.catalog.createApp("show");
		Slot slot = this.catalog.createNumberedSlots(show.getId(), 1, 3000).get(0);
		String secret = slot.getPublishSecret().value();
		this.catalog.renameDisplay(show.getId(), slot.getId(), "Alice");
		Slot stored = this.catalog.findSlot(show.getId(), slot.getId()).orElseThrow();
		assertThat(stored.getDisplayName()).isEqualTo("Alice");
		assertThat(stored.getName()).isEqualTo("slot-1");
		assertThat(stored.getBitrateKbps()).isEqualTo(3000);
		assertThat(stored.getPublishSecret().value()).isEqualTo(secret);
	}

	@Test
	void refusesToAddNoneOrTooManySlotsAtOnce() {
		App show = this.catalog.createApp("show");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.catalog.createNumberedSlots(show.getId(), 0, 2500));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> this.catalog.createNumberedSlots(show.getId(), StreamCatalog.MAX_SLOTS_AT_ONCE + 1, 2500));
	}

	private static SlotDraft draft(String name) {
		return new SlotDraft(name, "Racer " + name, 2500, true);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
