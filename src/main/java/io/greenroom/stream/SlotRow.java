package io.greenroom.stream;

import org.jspecify.annotations.Nullable;

/**
 * A slot as admission's in-memory catalogue keeps it: read as plain values, without
 * loading entities (with 10,000 slots, loading them after every catalogue change made
 * 10–15 MB of short-lived objects each time).
 *
 * @param app the app's name
 * @param id the slot's id
 * @param name the slot's name
 * @param displayName its display name, if any
 * @param publishSecret its current publish secret
 * @param enabled whether it may publish
 */
public record SlotRow(String app, long id, String name, @Nullable String displayName, String publishSecret,
		boolean enabled) {

	/** The values of a loaded slot. */
	public static SlotRow of(Slot slot) {
		return new SlotRow(slot.getApp().getName(), slot.getId(), slot.getName(), slot.getDisplayName(),
				slot.getPublishSecret().value(), slot.isEnabled());
	}

	/** What people call it: the display name, or the name when it has none. */
	public String shownName() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.name;
	}

}
