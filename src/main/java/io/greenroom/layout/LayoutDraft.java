package io.greenroom.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.greenroom.stream.Names;
import org.jspecify.annotations.Nullable;

/**
 * A layout as the producer wants it saved.
 *
 * @param name the name in the page's URL, under the app and slot naming rule
 * @param width canvas width in pixels
 * @param height canvas height in pixels
 * @param backgroundColor {@code #rrggbb}, or null for transparent
 * @param offlineCard whether an offline slot shows a card instead of nothing
 * @param boxes the placed slots
 */
public record LayoutDraft(String name, int width, int height, @Nullable String backgroundColor, boolean offlineCard,
		List<LayoutBox> boxes) {

	/** Smallest canvas side, and smallest box side, in pixels. */
	public static final int MIN_SIDE = 16;

	/** Widest canvas: 8K. */
	public static final int MAX_WIDTH = 7680;

	/** Tallest canvas: 8K. */
	public static final int MAX_HEIGHT = 4320;

	private static final String COLOR = "#[0-9a-fA-F]{6}";

	/**
	 * Everything wrong with this layout, empty when it can be saved.
	 * @param slotNames the display name of each slot of the layout's app, by id
	 */
	public List<LayoutProblem> problems(Map<Long, String> slotNames) {
		List<LayoutProblem> problems = new ArrayList<>();
		String nameProblem = Names.problem(this.name);
		if (nameProblem != null) {
			problems.add(new LayoutProblem(null, "name", nameProblem));
		}
		if (this.width < MIN_SIDE || this.width > MAX_WIDTH) {
			problems.add(new LayoutProblem(null, "width",
					"The canvas must be " + MIN_SIDE + " to " + MAX_WIDTH + " pixels wide."));
		}
		if (this.height < MIN_SIDE || this.height > MAX_HEIGHT) {
			problems.add(new LayoutProblem(null, "height",
					"The canvas must be " + MIN_SIDE + " to " + MAX_HEIGHT + " pixels high."));
		}
		if (this.backgroundColor != null && !this.backgroundColor.matches(COLOR)) {
			problems
				.add(new LayoutProblem(null, "backgroundColor", "Use a colour like #1a2b3c, or choose transparent."));
		}
		Set<Long> placed = new HashSet<>();
		for (LayoutBox box : this.boxes) {
			String slot = slotNames.get(box.getSlotId());
			if (slot == null || !placed.add(box.getSlotId())) {
				problems.add(new LayoutProblem(box.getSlotId(), "x",
						(slot == null) ? "That slot is not in this app any more." : slot + " is placed twice."));
				continue;
			}
			boxProblems(box, slot, problems);
		}
		return problems;
	}

	private void boxProblems(LayoutBox box, String slot, List<LayoutProblem> problems) {
		Long id = box.getSlotId();
		if (box.getWidth() < MIN_SIDE || box.getHeight() < MIN_SIDE) {
			problems.add(new LayoutProblem(id, (box.getWidth() < MIN_SIDE) ? "width" : "height",
					slot + "'s box must be at least " + MIN_SIDE + " × " + MIN_SIDE + " pixels."));
		}
		if (box.getX() < 0 || box.getY() < 0) {
			problems.add(new LayoutProblem(id, (box.getX() < 0) ? "x" : "y",
					slot + "'s box starts outside the canvas; x and y start at 0."));
		}
		if (box.getX() + box.getWidth() > this.width) {
			problems.add(new LayoutProblem(id, "width", slot + "'s box ends at x " + (box.getX() + box.getWidth())
					+ ", past the canvas width " + this.width + "."));
		}
		if (box.getY() + box.getHeight() > this.height) {
			problems.add(new LayoutProblem(id, "height", slot + "'s box ends at y " + (box.getY() + box.getHeight())
					+ ", past the canvas height " + this.height + "."));
		}
		if (box.getVolume() < 0 || box.getVolume() > 100) {
			problems.add(new LayoutProblem(id, "volume", slot + "'s volume must be 0 to 100."));
		}
	}

}
