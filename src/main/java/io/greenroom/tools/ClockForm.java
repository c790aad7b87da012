package io.greenroom.tools;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * The clock page's size in pixels and whether it syncs to Greenroom's clock. Without a
 * size the page shows its settings instead of the clock.
 *
 * @param w canvas width in pixels, 160 to 3840
 * @param h canvas height in pixels, 90 to 2160
 * @param sync whether the clock corrects itself to Greenroom's time (default yes); turn
 * it off only when the meter runs on the same machine
 */
record ClockForm(@Nullable @Min(160) @Max(3840) Integer w, @Nullable @Min(90) @Max(2160) Integer h,
		@Nullable Boolean sync) {

	boolean hasSize() {
		return this.w != null && this.h != null;
	}

	boolean synced() {
		return this.sync == null || this.sync;
	}

}
