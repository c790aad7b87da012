package io.greenroom.layout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.greenroom.stream.App;
import io.greenroom.stream.DuplicateNameException;
import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import io.greenroom.stream.StreamCatalog;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
@Import({ Layouts.class, StreamCatalog.class, LayoutsTests.FixedClock.class })
class LayoutsTests {

	@Autowired
	private Layouts layouts;

	@Autowired
	private StreamCatalog catalog;

	@Autowired
	private EntityManager entityManager;

	private App show;

	private Slot racer1;

	private Slot racer2;

	@BeforeEach
	void createSlots() {
		this.show = this.catalog.createApp("show");
		this.racer1 = this.catalog.createSlot(this.show.getId(), new SlotDraft("slot-1", "Racer 1", 2500, true));
		this.racer2 = this.catalog.createSlot(this.show.getId(), new SlotDraft("slot-2", "Racer 2", 2500, true));
	}

	@Test
	void startsEmptyOnATransparent1080pCanvas() {
		Layout layout = this.layouts.create(this.show.getId(), "main");
		assertThat(layout.getWidth()).isEqualTo(1920);
		assertThat(layout.getHeight()).isEqualTo(1080);
		assertThat(layout.getBackgroundColor()).isNull();
		assertThat(layout.getBoxes()).isEmpty();
	}

	@Test
	void keepsEveryPropertyOfEveryBox() {
		Layout layout = this.layouts.create(this.show.getId(), "main");
		this.layouts.save(this.show.getId(), layout.getId(),
				new LayoutDraft("grid", 1280, 720, "#102030", true,
						List.of(box(this.racer1, 0, 0, 640, 360, 2, Fit.COVER, 40, false, " Racer One "),
								box(this.racer2, 640, 360, 640, 360, 1, Fit.CONTAIN, 100, true, ""))));
		this.entityManager.clear();
		Layout saved = this.layouts.findByName(this.show.getId(), "grid").orElseThrow();
		assertThat(saved.getWidth()).isEqualTo(1280);
		assertThat(saved.getBackgroundColor()).isEqualTo("#102030");
		assertThat(saved.isOfflineCard()).isTrue();
		assertThat(saved.getBoxes()).extracting(LayoutBox::getSlotId)
			.containsExactly(this.racer2.getId(), this.racer1.getId());
		LayoutBox top = saved.getBoxes().get(1);
		assertThat(List.of(top.getX(), top.getY(), top.getWidth(), top.getHeight(), top.getZ(), top.getVolume()))
			.containsExactly(0, 0, 640, 360, 2, 40);
		assertThat(top.getFit()).isEqualTo(Fit.COVER);
		assertThat(top.getLabel()).isEqualTo("Racer One");
		assertThat(saved.getBoxes().get(0).isMuted()).isTrue();
		assertThat(saved.getBoxes().get(0).getLabel()).isNull();
	}

	@Test
	void refusesABoxThatLeavesTheCanvasAndSaysWhichAndWhere() {
		Layout layout = this.layouts.create(this.show.getId(), "main");
		assertThatExceptionOfType(InvalidLayoutException.class)
			.isThrownBy(() -> this.layouts.save(this.show.getId(), layout.getId(),
					new LayoutDraft("main", 1920, 1080, null, false,
							List.of(box(this.racer1, 1800, 0, 200, 100, 0, Fit.CONTAIN, 100, false, null)))))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
				assertThat(problem.slotId()).isEqualTo(this.racer1.getId());
				assertThat(problem.field()).isEqualTo("width");
				assertThat(problem.message()).isEqualTo("Racer 1's box ends at x 2000, past the canvas width 1920.");
			}));
		this.entityManager.clear();
		assertThat(this.layouts.find(this.show.getId(), layout.getId()).orElseThrow().getBoxes()).isEmpty();
	}

	@Test
	void refusesASlotOfAnotherAppAndABadColourAndVolume() {
		App other = this.catalog.createApp("other");
		Slot foreign = this.catalog.createSlot(other.getId(), new SlotDraft("slot-1", "Elsewhere", 2500, true));
		Layout layout = this.layouts.create(this.show.getId(), "main");
		assertThatExceptionOfType(InvalidLayoutException.class)
			.isThrownBy(() -> this.layouts.save(this.show.getId(), layout.getId(),
					new LayoutDraft("main", 1920, 1080, "red", false,
							List.of(box(foreign, 0, 0, 100, 100, 0, Fit.CONTAIN, 100, false, null),
									box(this.racer1, 0, 0, 100, 100, 0, Fit.CONTAIN, 101, false, null)))))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(LayoutProblem::message)
				.containsExactly("Use a colour like #1a2b3c, or choose transparent.",
						"That slot is not in this app any more.", "Racer 1's volume must be 0 to 100."));
	}

	@Test
	void refusesATakenNameWhenCreatingOrRenaming() {
		this.layouts.create(this.show.getId(), "main");
		Layout second = this.layouts.create(this.show.getId(), "second");
		assertThatExceptionOfType(DuplicateNameException.class)
			.isThrownBy(() -> this.layouts.create(this.show.getId(), "main"));
		assertThatExceptionOfType(DuplicateNameException.class)
			.isThrownBy(() -> this.layouts.save(this.show.getId(), second.getId(),
					new LayoutDraft("main", 1920, 1080, null, false, List.of())))
			.withMessage("A layout named 'main' already exists in this app.");
		assertThatExceptionOfType(InvalidLayoutException.class)
			.isThrownBy(() -> this.layouts.create(this.show.getId(), "Main Stage"));
	}

	@Test
	void deletingASlotTakesItOffEveryLayoutAndDeletingTheAppTakesTheLayouts() {
		Layout layout = this.layouts.create(this.show.getId(), "main");
		this.layouts.save(this.show.getId(), layout.getId(),
				new LayoutDraft("main", 1920, 1080, null, false,
						List.of(box(this.racer1, 0, 0, 960, 1080, 0, Fit.CONTAIN, 100, false, null),
								box(this.racer2, 960, 0, 960, 1080, 0, Fit.CONTAIN, 100, false, null))));
		this.entityManager.clear();
		this.catalog.deleteSlot(this.show.getId(), this.racer1.getId());
		this.entityManager.flush();
		this.entityManager.clear();
		assertThat(this.layouts.find(this.show.getId(), layout.getId()).orElseThrow().getBoxes())
			.extracting(LayoutBox::getSlotId)
			.containsExactly(this.racer2.getId());
		this.entityManager.clear();
		this.catalog.deleteApp(this.show.getId());
		this.entityManager.flush();
		this.entityManager.clear();
		assertThat(this.layouts.list(this.show.getId())).isEmpty();
	}

	private static LayoutBox box(Slot slot, int x, int y, int width, int height, int z, Fit fit, int volume,
			boolean muted, String label) {
		return new LayoutBox(slot.getId(), x, y, width, height, z, fit, volume, muted, label);
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
		}

	}

}
