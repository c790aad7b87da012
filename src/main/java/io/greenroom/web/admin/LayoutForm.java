package io.greenroom.web.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.greenroom.layout.Layout;
import io.greenroom.layout.LayoutBox;
import io.greenroom.layout.LayoutDraft;
import io.greenroom.stream.Slot;
import io.greenroom.web.TamperedFormException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The layout editor's form: the canvas, and one {@link BoxRow} per slot of the app. The
 * visual editor only moves numbers in this form, so typing them works just as well.
 */
public class LayoutForm {

	@ValidName
	private String name = "";

	@NotNull(message = "Type the canvas width in pixels, such as 1920.")
	private @Nullable Integer width = Layout.DEFAULT_WIDTH;

	@NotNull(message = "Type the canvas height in pixels, such as 1080.")
	private @Nullable Integer height = Layout.DEFAULT_HEIGHT;

	private boolean transparent = true;

	private String color = "#000000";

	private boolean offlineCard;

	private List<@Valid BoxRow> boxes = new ArrayList<>();

	static LayoutForm of(Layout layout, List<Slot> slots) {
		LayoutForm form = new LayoutForm();
		form.name = layout.getName();
		form.width = layout.getWidth();
		form.height = layout.getHeight();
		form.transparent = layout.getBackgroundColor() == null;
		form.color = (layout.getBackgroundColor() != null) ? layout.getBackgroundColor() : "#000000";
		form.offlineCard = layout.isOfflineCard();
		Map<Long, LayoutBox> placed = layout.getBoxes()
			.stream()
			.collect(Collectors.toMap(LayoutBox::getSlotId, Function.identity()));
		for (Slot slot : slots) {
			form.boxes.add(BoxRow.of(slot, placed.get(slot.getId())));
		}
		return form;
	}

	/** The layout to save; only called once validation has passed. */
	LayoutDraft toDraft() {
		List<LayoutBox> placed = this.boxes.stream().filter(BoxRow::isPlaced).map(BoxRow::toBox).toList();
		int canvasWidth = (this.width != null) ? this.width : 0;
		int canvasHeight = (this.height != null) ? this.height : 0;
		return new LayoutDraft(this.name, canvasWidth, canvasHeight, this.transparent ? null : this.color,
				this.offlineCard, placed);
	}

	/**
	 * Refuses a form with a row the page never offered: one without a slot (a tampered
	 * index makes the binder add such rows), or a slot twice. A slot deleted or added
	 * since the page was loaded is not tampering: saving reports or ignores it.
	 * @throws TamperedFormException if a row was not offered
	 */
	void requireOfferedRows() {
		Set<Long> posted = new HashSet<>();
		for (int i = 0; i < this.boxes.size(); i++) {
			BoxRow row = this.boxes.get(i);
			if (row == null || row.getSlotId() == null || !posted.add(row.getSlotId())) {
				throw new TamperedFormException(
						"Layout form row " + i + " of " + this.boxes.size() + " was not offered by the page");
			}
		}
	}

	/** The form path of a property of the row for {@code slotId}, or null. */
	@Nullable String rowPath(Long slotId, String field) {
		for (int i = 0; i < this.boxes.size(); i++) {
			if (slotId.equals(this.boxes.get(i).getSlotId())) {
				return "boxes[" + i + "]." + field;
			}
		}
		return null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable Integer getWidth() {
		return this.width;
	}

	public void setWidth(@Nullable Integer width) {
		this.width = width;
	}

	public @Nullable Integer getHeight() {
		return this.height;
	}

	public void setHeight(@Nullable Integer height) {
		this.height = height;
	}

	public boolean isTransparent() {
		return this.transparent;
	}

	public void setTransparent(boolean transparent) {
		this.transparent = transparent;
	}

	public String getColor() {
		return this.color;
	}

	public void setColor(String color) {
		this.color = color;
	}

	public boolean isOfflineCard() {
		return this.offlineCard;
	}

	public void setOfflineCard(boolean offlineCard) {
		this.offlineCard = offlineCard;
	}

	public List<BoxRow> getBoxes() {
		return this.boxes;
	}

	public void setBoxes(List<BoxRow> boxes) {
		this.boxes = boxes;
	}

}
