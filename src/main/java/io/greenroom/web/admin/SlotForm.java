package io.greenroom.web.admin;

import io.greenroom.stream.Slot;
import io.greenroom.stream.SlotDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The create and edit form for a slot. It never carries the secret.
 *
 * @param name the OME stream name
 * @param displayName the label producers and viewers see
 * @param bitrateKbps the planned video bitrate for OBS
 * @param enabled whether the slot may publish (an unticked checkbox sends nothing)
 */
record SlotForm(@ValidName String name,
		@NotBlank(message = "Give the slot a name people recognise, such as the streamer's.") @Size(max = 100,
				message = "Use at most 100 characters.") String displayName,
		@Nullable @NotNull(message = "Enter the video bitrate in kbit/s, for example 2500.") @Min(value = 100,
				message = "Use at least 100 kbit/s.") @Max(value = 50000,
						message = "Use at most 50000 kbit/s (50 Mbit/s).") Integer bitrateKbps,
		@Nullable Boolean enabled) {

	/** The bitrate a new slot starts with, in kbit/s. */
	static final int DEFAULT_BITRATE_KBPS = 2500;

	static SlotForm empty() {
		return new SlotForm("", "", DEFAULT_BITRATE_KBPS, true);
	}

	/**
	 * A new slot's form with {@code name} suggested, {@code slot-3} as {@code Slot 3}.
	 */
	static SlotForm suggested(String name) {
		String display = name.startsWith("slot-") ? "Slot " + name.substring("slot-".length()) : "";
		return new SlotForm(name, display, DEFAULT_BITRATE_KBPS, true);
	}

	static SlotForm of(Slot slot) {
		return new SlotForm(slot.getName(), slot.getDisplayName(), slot.getBitrateKbps(), slot.isEnabled());
	}

	SlotDraft toDraft() {
		return new SlotDraft(this.name, this.displayName.strip(), (this.bitrateKbps != null) ? this.bitrateKbps : 0,
				Boolean.TRUE.equals(this.enabled));
	}

}
