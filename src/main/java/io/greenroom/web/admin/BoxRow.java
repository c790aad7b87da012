package io.greenroom.web.admin;

import io.greenroom.layout.Fit;
import io.greenroom.layout.LayoutBox;
import io.greenroom.stream.Slot;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * One slot's row in the layout editor: whether it is on the canvas, and where. Every slot
 * of the app has a row, so the form never needs rows added.
 */
public class BoxRow {

	private static final String NUMBER = "Type a whole number of pixels.";

	private @Nullable Long slotId;

	private String slotName = "";

	private String displayName = "";

	private boolean placed;

	@NotNull(message = NUMBER)
	private @Nullable Integer x = 0;

	@NotNull(message = NUMBER)
	private @Nullable Integer y = 0;

	@NotNull(message = NUMBER)
	private @Nullable Integer width = 480;

	@NotNull(message = NUMBER)
	private @Nullable Integer height = 270;

	@NotNull(message = "Type a whole number; higher is in front.")
	@Min(value = -999, message = "Use -999 to 999.")
	@Max(value = 999, message = "Use -999 to 999.")
	private @Nullable Integer z = 0;

	@NotNull(message = "Choose contain or cover.")
	private @Nullable Fit fit = Fit.CONTAIN;

	@NotNull(message = "Type a volume from 0 to 100.")
	@Min(value = 0, message = "Use 0 to 100.")
	@Max(value = 100, message = "Use 0 to 100.")
	private @Nullable Integer volume = 100;

	private boolean muted;

	@Size(max = 100, message = "Use at most 100 characters.")
	private String label = "";

	static BoxRow of(Slot slot, @Nullable LayoutBox box) {
		BoxRow row = new BoxRow();
		row.slotId = slot.getId();
		row.slotName = slot.getName();
		row.displayName = slot.getDisplayName();
		if (box != null) {
			row.placed = true;
			row.x = box.getX();
			row.y = box.getY();
			row.width = box.getWidth();
			row.height = box.getHeight();
			row.z = box.getZ();
			row.fit = box.getFit();
			row.volume = box.getVolume();
			row.muted = box.isMuted();
			row.label = (box.getLabel() != null) ? box.getLabel() : "";
		}
		return row;
	}

	/** The box to save; only called once validation has passed. */
	LayoutBox toBox() {
		return new LayoutBox(requireValue(this.slotId), requireValue(this.x), requireValue(this.y),
				requireValue(this.width), requireValue(this.height), requireValue(this.z), requireValue(this.fit),
				requireValue(this.volume), this.muted, this.label);
	}

	private static <T> T requireValue(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Unvalidated layout row");
		}
		return value;
	}

	public @Nullable Long getSlotId() {
		return this.slotId;
	}

	public void setSlotId(@Nullable Long slotId) {
		this.slotId = slotId;
	}

	public String getSlotName() {
		return this.slotName;
	}

	public void setSlotName(String slotName) {
		this.slotName = slotName;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public boolean isPlaced() {
		return this.placed;
	}

	public void setPlaced(boolean placed) {
		this.placed = placed;
	}

	public @Nullable Integer getX() {
		return this.x;
	}

	public void setX(@Nullable Integer x) {
		this.x = x;
	}

	public @Nullable Integer getY() {
		return this.y;
	}

	public void setY(@Nullable Integer y) {
		this.y = y;
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

	public @Nullable Integer getZ() {
		return this.z;
	}

	public void setZ(@Nullable Integer z) {
		this.z = z;
	}

	public @Nullable Fit getFit() {
		return this.fit;
	}

	public void setFit(@Nullable Fit fit) {
		this.fit = fit;
	}

	public @Nullable Integer getVolume() {
		return this.volume;
	}

	public void setVolume(@Nullable Integer volume) {
		this.volume = volume;
	}

	public boolean isMuted() {
		return this.muted;
	}

	public void setMuted(boolean muted) {
		this.muted = muted;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

}
