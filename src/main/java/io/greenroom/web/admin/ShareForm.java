package io.greenroom.web.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A viewer link for a private app.
 *
 * @param slot one slot's name, or {@code *} for every slot of the app
 * @param hours how long the link works
 */
record ShareForm(@NotBlank(message = "Choose a slot or all slots.") String slot,
		@Nullable @NotNull(message = "Say how many hours the link should work.") @Min(value = 1,
				message = "Use 1 to 720 hours (30 days).") @Max(value = 720,
						message = "Use 1 to 720 hours (30 days).") Integer hours) {

	static ShareForm empty() {
		return new ShareForm("*", 24);
	}

}
